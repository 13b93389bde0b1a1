#!/usr/bin/env python3
"""Lints the served OpenAPI document beyond what a validator checks.

    python3 scripts/lint-spec.py Sources/PartnerServer/Resources/openapi.yaml

1. openapi-spec-validator accepts it (OpenAPI 3.1);
2. every schema uses only schema keywords: a flow mapping such as `{description: The month, YYYY-MM.}`
   silently turns "YYYY-MM." into a key, which this catches;
3. every schema with a `nextCursor` property lists it as required (and nullable, but for the event
   feed, whose cursor is always present);
4. every secured operation documents 401, every operation with a request body or query parameters
   documents 422, and every operation with a path parameter documents 404;
5. every input states its limits — strings a `maxLength` (or a format, enum or const), arrays a
   `maxItems`, numbers a minimum and a maximum — since the server enforces exactly what the spec
   states (SpecValidationMiddleware).
Exits non-zero with one line per problem.
"""
import sys

import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

FEED_PAGES = {"EventPage"}

SCHEMA_KEYWORDS = {
    "type", "format", "description", "properties", "required", "items", "enum", "$ref", "allOf", "oneOf", "anyOf",
    "additionalProperties", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
    "pattern", "minItems", "maxItems", "uniqueItems", "default", "example", "examples", "nullable", "readOnly",
    "writeOnly", "title", "const", "deprecated", "discriminator", "not", "contentMediaType", "contentEncoding",
}


def walk_schema(schema, where, problems):
    if not isinstance(schema, dict):
        problems.append(f"{where}: not a schema object")
        return
    for key, value in schema.items():
        if key not in SCHEMA_KEYWORDS and not key.startswith("x-"):
            problems.append(f"{where}: unknown keyword {key!r} (a flow mapping split by a comma?)")
        if key == "properties":
            for name, sub in value.items():
                walk_schema(sub, f"{where}.{name}", problems)
        elif key in ("items", "additionalProperties", "not") and isinstance(value, dict):
            walk_schema(value, f"{where}.{key}", problems)
        elif key in ("allOf", "oneOf", "anyOf"):
            for index, sub in enumerate(value):
                walk_schema(sub, f"{where}.{key}[{index}]", problems)


def main(path):
    spec_dict, _ = read_from_filename(path)
    validate(spec_dict)
    with open(path, encoding="utf-8") as handle:
        spec = yaml.safe_load(handle)
    problems = []
    for name, schema in spec["components"]["schemas"].items():
        walk_schema(schema, name, problems)
        if "nextCursor" in schema.get("properties", {}):
            if "nextCursor" not in schema.get("required", []):
                problems.append(f"{name}: nextCursor must be required (and nullable)")
            # The event feed's cursor is a position to resume from, present on every page.
            if name not in FEED_PAGES and "null" not in schema["properties"]["nextCursor"].get("type", []):
                problems.append(f"{name}: nextCursor must be nullable")
    global_security = spec.get("security", [])
    for route, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in ("get", "post", "put", "patch", "delete"):
            operation = item.get(method)
            if not operation:
                continue
            label = f"{method.upper()} {route}"
            responses = operation.get("responses", {})
            parameters = [spec_ref(spec, p) for p in shared + operation.get("parameters", [])]
            secured = operation.get("security", global_security) != []
            if secured and "401" not in responses:
                problems.append(f"{label}: secured but does not document 401")
            if (operation.get("requestBody") or any(p.get("in") == "query" for p in parameters)) and "422" not in responses:
                problems.append(f"{label}: takes input but does not document 422")
            if any(p.get("in") == "path" for p in parameters) and "404" not in responses:
                problems.append(f"{label}: has a path id but does not document 404")
            for parameter in parameters:
                if parameter.get("in") in ("query", "header"):
                    check_limits(spec, parameter.get("schema", {}), f"{label} {parameter['name']}", problems, set())
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body:
                check_limits(spec, body, f"{label} body", problems, set())
    for problem in problems:
        print(problem)
    print(f"{path}: {'OK' if not problems else f'{len(problems)} problems'}")
    return 1 if problems else 0


def check_limits(spec, schema, where, problems, seen):
    """Every value a request can carry states how big it may be."""
    ref = schema.get("$ref")
    if ref:
        if ref in seen:
            return
        seen.add(ref)
        where = ref.split("/")[-1]
        schema = spec_ref(spec, schema)
    kinds = schema.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else [kind for kind in kinds if kind != "null"]
    if "enum" in schema or "const" in schema or schema.get("format") in ("uuid", "date", "date-time"):
        return
    if "string" in kinds and "maxLength" not in schema:
        problems.append(f"{where}: a string input without maxLength")
    if ("integer" in kinds or "number" in kinds) and not (
        ("minimum" in schema or "exclusiveMinimum" in schema) and ("maximum" in schema or "exclusiveMaximum" in schema)
    ):
        problems.append(f"{where}: a number input without minimum and maximum")
    if "array" in kinds:
        if "maxItems" not in schema:
            problems.append(f"{where}: an array input without maxItems")
        check_limits(spec, schema.get("items", {}), f"{where}[]", problems, seen)
    for name, sub in schema.get("properties", {}).items():
        check_limits(spec, sub, f"{where}.{name}", problems, seen)
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in schema.get(key, []):
            check_limits(spec, sub, where, problems, seen)


def spec_ref(spec, parameter):
    ref = parameter.get("$ref")
    if not ref:
        return parameter
    node = spec
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
