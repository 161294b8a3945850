"""UI tests share the fixtures of tests/conftest.py (make_app, fake_clock)."""
