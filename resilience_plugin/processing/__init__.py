"""The Processing provider (``provider.py``) and one thin adapter per algorithm, grouped in folders as the toolbox
groups them: each reads its layers through ``qgisside``, calls one ``core`` entry point and writes its sinks.
Shared parameter declarations and checks are in ``base.py``.
"""
