"""The desktop's own windows: the scorecard dock with its What if, and the plan profile dialog. They read layers
through ``qgisside`` and score through ``core``, as the algorithms do.
"""
