"""Sync with the central platform: the outbox pushed, changes pulled, the catalog kept current."""
