"""``factcheck serve``: the HTTP API for CMS plug-ins (an ASGI app under uvicorn).

``settings`` says how to serve, ``engine`` holds the warm checker of one process (built once,
swapped whole on reload), ``gate`` guards every request (token, body size) before the app
reads it, and ``app`` is the FastAPI application with its routes. Nothing here is imported by
the command line until ``factcheck serve`` runs.
"""
