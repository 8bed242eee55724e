"""The Qt user interface; everything here may import PySide6."""
