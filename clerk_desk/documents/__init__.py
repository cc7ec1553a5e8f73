"""Printed papers: view models, formatting and Jinja2 rendering to HTML (no Qt here)."""
