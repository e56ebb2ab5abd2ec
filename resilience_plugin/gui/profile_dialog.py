"""View, edit, save and load the plan profile."""

import json

from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.profile import ProfileError, load_profile
from ..qgisside.compat import MESSAGE_CRITICAL, MESSAGE_SUCCESS
from ..qgisside.settings import active_profile_path, set_active_profile_path
from ..qgisside.translation import core_message, translate

COLUMNS = ("key", "value", "unit", "source", "confidence")


class ProfileDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("ResiliencePlannerProfileDialog")
        self.setWindowTitle(self.tr("Plan profile"))
        self.resize(1000, 640)
        layout = QVBoxLayout(self)
        self.bar = QgsMessageBar(self)
        layout.addWidget(self.bar)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value"), self.tr("Unit"), self.tr("Source"), self.tr("Confidence")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        layout.addWidget(self.table)
        note = QLabel(
            self.tr(
                "Double-click a value to edit it (JSON for lists and tables). Confidence C marks "
                "values recalled from a standard and not confirmed: check them before relying on them."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.load_button = QPushButton(self.tr("Load…"), self)
        self.save_button = QPushButton(self.tr("Save copy…"), self)
        self.use_button = QPushButton(self.tr("Use for new runs"), self)
        self.reset_button = QPushButton(self.tr("Built-in profile"), self)
        for b in (self.load_button, self.save_button, self.use_button, self.reset_button):
            self.buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.load_button.clicked.connect(self.choose_and_load)
        self.save_button.clicked.connect(self.choose_and_save)
        self.use_button.clicked.connect(self.use_for_new_runs)
        self.reset_button.clicked.connect(lambda: self.show_profile(""))
        self.profile = None
        self.show_profile(active_profile_path())

    def tr(self, text: str) -> str:
        return translate(type(self).__name__, text)

    def show_profile(self, path: str) -> bool:
        try:
            self.profile = load_profile(path or None)
        except ProfileError as exc:
            self.bar.pushMessage(self.tr("Profile not loaded"), core_message(exc), level=MESSAGE_CRITICAL, duration=0)
            if self.profile is None:
                self.profile = load_profile()
            else:
                return False
        self.title.setText(f"<b>{self.profile.title_zh}</b><br>{self.profile.title} — {self.profile.path}")
        rows = list(self.profile.quantities())
        self.table.setRowCount(len(rows))
        for r, q in enumerate(rows):
            values = (q.key, json.dumps(q.value, ensure_ascii=False), q.unit, q.source, q.confidence)
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c != 1:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 320))
        return True

    def edited_profile(self):
        """The profile with the table's values, validated; raises ProfileError naming the key."""
        profile = self.profile
        for r in range(self.table.rowCount()):
            key = self.table.item(r, 0).text()
            text = self.table.item(r, 1).text()
            try:
                value = json.loads(text)
            except json.JSONDecodeError:
                raise ProfileError(f"{key}.value", self.tr("'{0}' is not valid JSON").format(text)) from None
            if value != profile.value(key):
                profile = profile.with_value(key, value)
        return profile

    def choose_and_save(self):
        try:
            profile = self.edited_profile()
        except ProfileError as exc:
            self.bar.pushMessage(self.tr("Profile not saved"), core_message(exc), level=MESSAGE_CRITICAL, duration=0)
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save plan profile"), "", self.tr("Plan profile (*.json)"))
        if path:
            self.save_to(profile, path)

    def save_to(self, profile, path: str):
        if not path.lower().endswith(".json"):
            path += ".json"
        try:
            profile.save(path)
        except OSError as exc:
            self.bar.pushMessage(self.tr("Profile not saved"), str(exc), level=MESSAGE_CRITICAL, duration=0)
            return
        self.show_profile(path)
        self.bar.pushMessage(self.tr("Profile saved"), path, level=MESSAGE_SUCCESS, duration=5)

    def choose_and_load(self):
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load plan profile"), "", self.tr("Plan profile (*.json)"))
        if path:
            self.show_profile(path)

    def use_for_new_runs(self):
        path = str(self.profile.path) if self.profile and self.profile.path else ""
        from ..core.paths import default_profile_path

        if path == str(default_profile_path()):
            path = ""
        set_active_profile_path(path)
        self.bar.pushMessage(
            self.tr("Profile"),
            self.tr("New runs use: {0}").format(path or self.tr("the built-in profile")),
            level=MESSAGE_SUCCESS,
            duration=5,
        )
