"""``factcheck lsp``: a language server (pygls, over stdio) for Markdown and text documents.

``actions`` turns a file report into what an editor shows (diagnostics) and offers (code
actions: a suppression comment, the current reference figure), as plain functions on text
offsets; ``server`` wires them to the protocol: checks on open, change (debounced) and save.
"""
