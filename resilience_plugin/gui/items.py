"""Table items shared by the dock's panels."""

from qgis.PyQt.QtWidgets import QTableWidgetItem

from ..qgisside.compat import SORT_ROLE


class NumericItem(QTableWidgetItem):
    """Sorts by the number behind it, not by its text."""

    def __lt__(self, other):
        a, b = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if a is None:
            return True
        if b is None:
            return False
        return a < b
