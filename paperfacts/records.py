"""The records paperfacts returns and exports: one module, Pydantic v2, frozen.

``PaperFacts`` is one paper; ``ErrorRecord`` stands in its place in an export when
an input record could not be read. The JSON Schema in ``schemas/`` is generated
from these classes (``paperfacts schema``); a test fails when it is stale.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, model_serializer, model_validator

#: 1.2 added the canonical names (``canonical``, ``model_canonical``, ``benchmark_canonical``).
SCHEMA_VERSION = "1.2"
#: Versions ``paperfacts validate`` accepts: a 1.1 line has no canonical names.
SchemaVersion = Literal["1.1", "1.2"]

FieldName = Literal["title", "abstract"]
ScoreKind = Literal["absolute", "delta"]
ScoreUnit = Literal["%", "points"]
UrlKind = Literal["code", "model", "dataset", "demo", "project", "other"]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Record):
    """Where a fact was read: ``source[start:end] == text`` for the named field."""

    field: FieldName = Field(description="Which input text the offsets index: the title or the abstract.")
    start: int = Field(ge=0, description="Start character offset (inclusive) into the field as given.")
    end: int = Field(ge=0, description="End character offset (exclusive) into the field as given.")
    text: str = Field(description="The exact quoted text, character for character.")


EvidenceList = Annotated[list[Evidence], Field(min_length=1, description="Every mention this fact was read from.")]
RuleId = Annotated[str, Field(description="Stable id of the rule that produced the fact (`model.gazetteer`, `score.percent`, ...).")]


class Name(_Record):
    """A model, benchmark or dataset named in the paper."""

    name: str = Field(min_length=1, description="The name as written (first mention), possessive/plural stripped.")
    canonical: str | None = Field(
        default=None, min_length=1,
        description="One spelling per thing (`paperfacts.canonical`): the gazetteer's main name when the name or an alias "
                    "is known (`MS-COCO` -> `COCO`); for a model, without the size in its name (`Llama 2 7B` -> `Llama 2`, "
                    "the size is in `size`); else the name without LaTeX markup and with spacing normalized. "
                    "Set from schema 1.2 on; absent in 1.1.",
    )
    evidence: EvidenceList
    rule: RuleId


class Model(Name):
    """A model named in the paper, with the size its name gives, if any."""

    size: int | None = Field(
        default=None, gt=0,
        description="Parameters given by a size in the name (`GLM-130B` -> 130000000000, `Pythia 410M` -> 410000000), "
                    "else null (`ResNet-50`, `ViT-B/16`, `Mixtral 8x7B`). Derived from the name, not a parameter-count mention.",
    )


class Count(_Record):
    """A parameter count or a training-token count."""

    value: int = Field(gt=0, description="The exact number (`1.3B` -> 1300000000).")
    text: str = Field(description="The number and its unit word as written (`130 billion parameters`, `7B`).")
    model: str | None = Field(default=None, description="Name (as in `models`) the count belongs to, or null.")
    model_canonical: str | None = Field(default=None, description="That model's `canonical` name, or null (1.2 on).")
    evidence: EvidenceList
    rule: RuleId


class Score(_Record):
    """A reported evaluation result or a gain/drop in one."""

    value: float = Field(description="The number as written (`37.10%` -> 37.1; `-0.12` -> -0.12).")
    text: str = Field(description="The number with its unit as written (`58.1\\%`, `47 F1 points`).")
    unit: ScoreUnit | None = Field(default=None, description="`%` for percent, `points` for (percentage) points, else null.")
    kind: ScoreKind = Field(description="`absolute` for a result, `delta` for an improvement, gain, drop or difference.")
    metric: str | None = Field(default=None, description="The metric as written (`top-1 accuracy`, `pass@1`), or null.")
    benchmark: str | None = Field(default=None, description="Benchmark (as in `benchmarks`/`datasets`) it is measured on, or null.")
    benchmark_canonical: str | None = Field(default=None, description="That benchmark's `canonical` name, or null (1.2 on).")
    model: str | None = Field(default=None, description="Model (as in `models`) the number belongs to, or null.")
    model_canonical: str | None = Field(default=None, description="That model's `canonical` name, or null (1.2 on).")
    evidence: EvidenceList
    rule: RuleId


class Url(_Record):
    """A link in the text, normalized."""

    url: str = Field(pattern=r"^(https?|ftp)://", description="Absolute URL: scheme added, trailing debris removed.")
    kind: UrlKind = Field(description="What the link points to: code, model, dataset, demo, project or other.")
    evidence: EvidenceList
    rule: RuleId


def _named_ref(ref: str) -> dict:
    """JSON Schema: an item that names a ``ref`` (a string) names its ``ref_canonical`` too."""
    return {"if": {"required": [ref], "properties": {ref: {"type": "string"}}},
            "then": {"required": [f"{ref}_canonical"], "properties": {f"{ref}_canonical": {"type": "string"}}}}


_CANONICAL_NAME = {"items": {"required": ["canonical"], "properties": {"canonical": {"type": "string"}}}}
#: ``_canonical_names`` below, in the JSON Schema: from 1.2 on (a line without
#: ``schema_version`` is 1.2), every name has its canonical name, and so has every
#: model and benchmark a count or score refers to.
_CANONICAL_FROM_1_2 = {
    "if": {"required": ["schema_version"], "properties": {"schema_version": {"const": "1.1"}}},
    "else": {"properties": {
        "models": _CANONICAL_NAME, "benchmarks": _CANONICAL_NAME, "datasets": _CANONICAL_NAME,
        "parameter_counts": {"items": _named_ref("model")}, "token_counts": {"items": _named_ref("model")},
        "scores": {"items": {"allOf": [_named_ref("model"), _named_ref("benchmark")]}},
    }},
}


class PaperFacts(_Record):
    """Everything paperfacts read from one paper's title and abstract."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_CANONICAL_FROM_1_2)

    schema_version: SchemaVersion = Field(default=SCHEMA_VERSION, description="Version of this record layout.")
    id: str = Field(description="The input's id, or a stable hash of title and abstract when none was given.")
    title: str | None = Field(default=None, description="The title as given.")
    models: list[Model] = Field(default_factory=list, description="Specific trained models, families or named configurations.")
    parameter_counts: list[Count] = Field(default_factory=list, description="Explicit model sizes given as numbers.")
    token_counts: list[Count] = Field(default_factory=list, description="Amounts of text data measured in tokens.")
    benchmarks: list[Name] = Field(default_factory=list, description="Named benchmarks and evaluation datasets.")
    datasets: list[Name] = Field(default_factory=list, description="Named training corpora and released training resources.")
    scores: list[Score] = Field(default_factory=list, description="Evaluation results and gains or drops in them.")
    urls: list[Url] = Field(default_factory=list, description="Links in the text.")

    @model_validator(mode="after")
    def _canonical_names(self):
        """From 1.2 on, every name has its canonical name, and so has every model and
        benchmark a count or score refers to."""
        if self.schema_version == "1.1":
            return self
        missing = [f"{field}[{i}].canonical" for field in ("models", "benchmarks", "datasets")
                   for i, item in enumerate(getattr(self, field)) if item.canonical is None]
        missing += [f"{field}[{i}].{ref}_canonical" for field in ("parameter_counts", "token_counts", "scores")
                    for i, item in enumerate(getattr(self, field))
                    for ref in ("model", "benchmark")
                    if getattr(item, ref, None) is not None and getattr(item, f"{ref}_canonical") is None]
        if missing:
            raise ValueError(f"schema {self.schema_version} needs canonical names: {', '.join(missing)}")
        return self

    def with_text(self, abstract: str, title: str | None = None):
        """This record with the text it was read from (``paperfacts.review.Reviewed``): in a
        notebook it shows every fact highlighted in place. The record itself stays as it is."""
        from .review import Reviewed

        return Reviewed(self, abstract, title)

    def _repr_html_(self) -> str:
        """A notebook's view: the title with its facts highlighted, the abstract's as quotes
        (a record holds no abstract; ``with_text`` shows them in place)."""
        from .review import paper_html

        return paper_html(self)


class ErrorDetail(_Record):
    """Why an input record yielded no facts."""

    line: int = Field(ge=0, description="1-based line (or record) number in its input; 0 when unknown.")
    reason: str = Field(min_length=1, description="What was wrong with the input record.")
    file: str | None = Field(default=None, description="The input file the record is in, when several were given "
                                                       "(left out otherwise).")

    @model_serializer(mode="wrap")
    def _leave_out_no_file(self, handler):
        data = handler(self)
        if data.get("file") is None:
            data.pop("file", None)
        return data


class ErrorRecord(_Record):
    """Stands in an export for an input record that could not be read."""

    schema_version: SchemaVersion = Field(default=SCHEMA_VERSION, description="Version of this record layout.")
    id: str | None = Field(default=None, description="The input's id if it could be read.")
    error: ErrorDetail


ExportLine = Annotated[Union[PaperFacts, ErrorRecord], Field(union_mode="left_to_right")]
EXPORT_LINE = TypeAdapter(ExportLine)


def json_schema() -> dict:
    """The JSON Schema of one export line (a ``PaperFacts`` or an ``ErrorRecord``)."""
    schema = EXPORT_LINE.json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://paperfacts.dev/schemas/paperfacts.schema.json"
    schema["title"] = "paperfacts export line"
    return schema
