# Generated from gold/schema/document.schema.json by python -m bench.data.compile_schemas: do not edit.
# ruff: noqa
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$': re.compile('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\\Z')
}

NoneType = type(None)

def validate_https___factbench_example_schema_document_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/document.schema.json', 'title': 'Document', 'description': 'An article to extract from: id, text and, when known, its published date (the base for relative dates).', 'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'text': {'type': 'string'}, 'published': {'anyOf': [{'type': 'string', 'pattern': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'}, {'type': 'null'}]}}, 'required': ['id', 'text'], 'additionalProperties': True}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'text']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/document.schema.json', 'title': 'Document', 'description': 'An article to extract from: id, text and, when known, its published date (the base for relative dates).', 'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'text': {'type': 'string'}, 'published': {'anyOf': [{'type': 'string', 'pattern': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'}, {'type': 'null'}]}}, 'required': ['id', 'text'], 'additionalProperties': True}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__id, str):
                data__id_len = len(data__id)
                if data__id_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be longer than or equal to 1 characters", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            if not isinstance(data__text, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string", value=data__text, name="" + (name_prefix or "data") + ".text", definition={'type': 'string'}, rule='type')
        if "published" in data_keys:
            data_keys.remove("published")
            data__published = data["published"]
            data__published_any_of_count1 = 0
            if not data__published_any_of_count1:
                try:
                    if not isinstance(data__published, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".published must be string", value=data__published, name="" + (name_prefix or "data") + ".published", definition={'type': 'string', 'pattern': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'}, rule='type')
                    if isinstance(data__published, str):
                        if not REGEX_PATTERNS['^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'].search(data__published):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".published must match pattern ^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", value=data__published, name="" + (name_prefix or "data") + ".published", definition={'type': 'string', 'pattern': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'}, rule='pattern')
                    data__published_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__published_any_of_count1:
                try:
                    if not isinstance(data__published, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".published must be null", value=data__published, name="" + (name_prefix or "data") + ".published", definition={'type': 'null'}, rule='type')
                    data__published_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
            if not data__published_any_of_count1:
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".published cannot be validated by any definition", value=data__published, name="" + (name_prefix or "data") + ".published", definition={'anyOf': [{'type': 'string', 'pattern': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'}, {'type': 'null'}]}, rule='anyOf')
    return data


validate = validate_https___factbench_example_schema_document_schema_json
