"""Handlers for the footbase subcommands: each takes a Context and parsed arguments."""
