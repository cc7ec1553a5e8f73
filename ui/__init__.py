"""ui: the PySide6 layer. Thin: it calls clerk_desk services and shows results."""
