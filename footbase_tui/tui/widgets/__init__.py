"""One module per widget. Widgets get plain data as attributes and post typed messages up."""
