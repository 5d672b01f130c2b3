"""Regenerate the published JSON Schemas from the models."""

from checker.schemas import write_schemas

for path in write_schemas():
    print(path)
