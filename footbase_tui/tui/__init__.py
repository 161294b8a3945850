"""The Textual app. Imported only when `footbase` opens the app, never by quick commands."""
