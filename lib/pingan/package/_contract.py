"""The data contract, read from ``datapackage.json`` (Frictionless Table Schema)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

__all__ = ["Field", "Resource", "read_contract", "polars_dtype"]


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...] = field(default=())

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _field(d: dict) -> Field:
    c = d.get("constraints", {})
    return Field(
        name=d["name"], type=d.get("type", "string"), description=d.get("description", ""),
        required=bool(c.get("required")), unique=bool(c.get("unique")),
        enum=tuple(c["enum"]) if "enum" in c else None, pattern=c.get("pattern"),
        minimum=c.get("minimum"), unit=d.get("unit"),
    )


def read_contract(data_dir: Path) -> dict[str, Resource]:
    """Every tabular resource of ``data_dir/datapackage.json`` by name, in package order.

    Resources without a ``schema`` (non-tabular, such as the map's GeoJSON) are not tables
    and are left out."""
    package = json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))
    out = {}
    for r in package["resources"]:
        if "schema" not in r:
            continue
        schema = r["schema"]
        pk = schema.get("primaryKey", [])
        fks = tuple(
            (tuple(fk["fields"]), fk["reference"]["resource"] or r["name"], tuple(fk["reference"]["fields"]))
            for fk in schema.get("foreignKeys", [])
        )
        out[r["name"]] = Resource(
            name=r["name"], path=r["path"], title=r.get("title", r["name"]),
            description=r.get("description", ""), fields=tuple(_field(f) for f in schema["fields"]),
            primary_key=tuple([pk] if isinstance(pk, str) else pk), foreign_keys=fks,
        )
    return out


_DTYPES = {"string": pl.String, "integer": pl.Int64, "number": pl.Float64, "date": pl.Date,
           "boolean": pl.Boolean, "year": pl.Int64}


def polars_dtype(f: Field) -> pl.DataType:
    """The polars dtype a column loads as: enums load as ``pl.Enum`` in the contract's order."""
    if f.enum and f.type == "string":
        return pl.Enum(list(f.enum))
    return _DTYPES[f.type]
