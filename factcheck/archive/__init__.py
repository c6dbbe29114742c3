"""Archives: extract every article once into a Parquet store, re-judge the stored claims when
the reference data changes, and report on the whole archive (docs/archive.md).

``extract`` and ``judge`` run their work through an ``engine`` (local processes or a
dask.distributed cluster); ``store`` owns the folder layout; ``tables`` maps the pipeline's
pydantic models to Arrow columns; ``version`` says when a stored row is still valid.
"""
