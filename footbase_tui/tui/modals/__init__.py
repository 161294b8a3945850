"""One module per modal dialog."""
