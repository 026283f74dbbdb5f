# Generated from gold/schema/manifest.schema.json by python -m bench.data.compile_schemas: do not edit.
# ruff: noqa
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])': re.compile('^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])'),
    '^[0-9a-f]{64}$': re.compile('^[0-9a-f]{64}\\Z'),
    '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$': re.compile('^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])\\Z'),
    '^https?://': re.compile('^https?://')
}

NoneType = type(None)

def validate_https___factbench_example_schema_manifest_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/manifest.schema.json', 'title': 'Document manifest record', 'description': "One article of a gold set: its file in documents/, the sha256 of its bytes and its published date (null when unknown); outlet, title, how the date was established, the source URL, the source corpus document and the text's licence where known.", 'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'file': {'type': 'string', 'minLength': 1, 'pattern': '^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])', 'description': 'a file name in documents/, without control characters'}, 'outlet': {'type': ['string', 'null']}, 'title': {'type': ['string', 'null']}, 'sha256': {'type': 'string', 'pattern': '^[0-9a-f]{64}$'}, 'published': {'anyOf': [{'type': 'null'}, {'type': 'string', 'pattern': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'}]}, 'published_basis': {'enum': ['dateline', 'inferred', 'generated', 'source_metadata']}, 'published_note': {'type': 'string', 'minLength': 1}, 'source_url': {'type': 'string', 'pattern': '^https?://'}, 'source_document': {'type': 'string', 'minLength': 1}, 'license': {'type': 'string', 'minLength': 1}}, 'required': ['id', 'file', 'sha256', 'published'], 'additionalProperties': False}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'file', 'sha256', 'published']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/manifest.schema.json', 'title': 'Document manifest record', 'description': "One article of a gold set: its file in documents/, the sha256 of its bytes and its published date (null when unknown); outlet, title, how the date was established, the source URL, the source corpus document and the text's licence where known.", 'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'file': {'type': 'string', 'minLength': 1, 'pattern': '^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])', 'description': 'a file name in documents/, without control characters'}, 'outlet': {'type': ['string', 'null']}, 'title': {'type': ['string', 'null']}, 'sha256': {'type': 'string', 'pattern': '^[0-9a-f]{64}$'}, 'published': {'anyOf': [{'type': 'null'}, {'type': 'string', 'pattern': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'}]}, 'published_basis': {'enum': ['dateline', 'inferred', 'generated', 'source_metadata']}, 'published_note': {'type': 'string', 'minLength': 1}, 'source_url': {'type': 'string', 'pattern': '^https?://'}, 'source_document': {'type': 'string', 'minLength': 1}, 'license': {'type': 'string', 'minLength': 1}}, 'required': ['id', 'file', 'sha256', 'published'], 'additionalProperties': False}, rule='required')
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
        if "file" in data_keys:
            data_keys.remove("file")
            data__file = data["file"]
            if not isinstance(data__file, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".file must be string", value=data__file, name="" + (name_prefix or "data") + ".file", definition={'type': 'string', 'minLength': 1, 'pattern': '^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])', 'description': 'a file name in documents/, without control characters'}, rule='type')
            if isinstance(data__file, str):
                data__file_len = len(data__file)
                if data__file_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".file must be longer than or equal to 1 characters", value=data__file, name="" + (name_prefix or "data") + ".file", definition={'type': 'string', 'minLength': 1, 'pattern': '^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])', 'description': 'a file name in documents/, without control characters'}, rule='minLength')
                if not REGEX_PATTERNS['^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])'].search(data__file):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".file must match pattern ^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])", value=data__file, name="" + (name_prefix or "data") + ".file", definition={'type': 'string', 'minLength': 1, 'pattern': '^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])', 'description': 'a file name in documents/, without control characters'}, rule='pattern')
        if "outlet" in data_keys:
            data_keys.remove("outlet")
            data__outlet = data["outlet"]
            if not isinstance(data__outlet, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".outlet must be string or null", value=data__outlet, name="" + (name_prefix or "data") + ".outlet", definition={'type': ['string', 'null']}, rule='type')
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string or null", value=data__title, name="" + (name_prefix or "data") + ".title", definition={'type': ['string', 'null']}, rule='type')
        if "sha256" in data_keys:
            data_keys.remove("sha256")
            data__sha256 = data["sha256"]
            if not isinstance(data__sha256, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sha256 must be string", value=data__sha256, name="" + (name_prefix or "data") + ".sha256", definition={'type': 'string', 'pattern': '^[0-9a-f]{64}$'}, rule='type')
            if isinstance(data__sha256, str):
                if not REGEX_PATTERNS['^[0-9a-f]{64}$'].search(data__sha256):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sha256 must match pattern ^[0-9a-f]{64}$", value=data__sha256, name="" + (name_prefix or "data") + ".sha256", definition={'type': 'string', 'pattern': '^[0-9a-f]{64}$'}, rule='pattern')
        if "published" in data_keys:
            data_keys.remove("published")
            data__published = data["published"]
            data__published_any_of_count1 = 0
            if not data__published_any_of_count1:
                try:
                    if not isinstance(data__published, (NoneType)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".published must be null", value=data__published, name="" + (name_prefix or "data") + ".published", definition={'type': 'null'}, rule='type')
                    data__published_any_of_count1 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
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
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".published cannot be validated by any definition", value=data__published, name="" + (name_prefix or "data") + ".published", definition={'anyOf': [{'type': 'null'}, {'type': 'string', 'pattern': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'}]}, rule='anyOf')
        if "published_basis" in data_keys:
            data_keys.remove("published_basis")
            data__publishedbasis = data["published_basis"]
            if not (isinstance(data__publishedbasis, str) and data__publishedbasis == 'dateline' or isinstance(data__publishedbasis, str) and data__publishedbasis == 'inferred' or isinstance(data__publishedbasis, str) and data__publishedbasis == 'generated' or isinstance(data__publishedbasis, str) and data__publishedbasis == 'source_metadata'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".published_basis must be one of ['dateline', 'inferred', 'generated', 'source_metadata']", value=data__publishedbasis, name="" + (name_prefix or "data") + ".published_basis", definition={'enum': ['dateline', 'inferred', 'generated', 'source_metadata']}, rule='enum')
        if "published_note" in data_keys:
            data_keys.remove("published_note")
            data__publishednote = data["published_note"]
            if not isinstance(data__publishednote, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".published_note must be string", value=data__publishednote, name="" + (name_prefix or "data") + ".published_note", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__publishednote, str):
                data__publishednote_len = len(data__publishednote)
                if data__publishednote_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".published_note must be longer than or equal to 1 characters", value=data__publishednote, name="" + (name_prefix or "data") + ".published_note", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "source_url" in data_keys:
            data_keys.remove("source_url")
            data__sourceurl = data["source_url"]
            if not isinstance(data__sourceurl, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source_url must be string", value=data__sourceurl, name="" + (name_prefix or "data") + ".source_url", definition={'type': 'string', 'pattern': '^https?://'}, rule='type')
            if isinstance(data__sourceurl, str):
                if not REGEX_PATTERNS['^https?://'].search(data__sourceurl):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source_url must match pattern ^https?://", value=data__sourceurl, name="" + (name_prefix or "data") + ".source_url", definition={'type': 'string', 'pattern': '^https?://'}, rule='pattern')
        if "source_document" in data_keys:
            data_keys.remove("source_document")
            data__sourcedocument = data["source_document"]
            if not isinstance(data__sourcedocument, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source_document must be string", value=data__sourcedocument, name="" + (name_prefix or "data") + ".source_document", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__sourcedocument, str):
                data__sourcedocument_len = len(data__sourcedocument)
                if data__sourcedocument_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source_document must be longer than or equal to 1 characters", value=data__sourcedocument, name="" + (name_prefix or "data") + ".source_document", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "license" in data_keys:
            data_keys.remove("license")
            data__license = data["license"]
            if not isinstance(data__license, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".license must be string", value=data__license, name="" + (name_prefix or "data") + ".license", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__license, str):
                data__license_len = len(data__license)
                if data__license_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".license must be longer than or equal to 1 characters", value=data__license, name="" + (name_prefix or "data") + ".license", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/manifest.schema.json', 'title': 'Document manifest record', 'description': "One article of a gold set: its file in documents/, the sha256 of its bytes and its published date (null when unknown); outlet, title, how the date was established, the source URL, the source corpus document and the text's licence where known.", 'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'file': {'type': 'string', 'minLength': 1, 'pattern': '^[^\\u0000-\\u001f\\u007f]+(?![\\s\\S])', 'description': 'a file name in documents/, without control characters'}, 'outlet': {'type': ['string', 'null']}, 'title': {'type': ['string', 'null']}, 'sha256': {'type': 'string', 'pattern': '^[0-9a-f]{64}$'}, 'published': {'anyOf': [{'type': 'null'}, {'type': 'string', 'pattern': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'}]}, 'published_basis': {'enum': ['dateline', 'inferred', 'generated', 'source_metadata']}, 'published_note': {'type': 'string', 'minLength': 1}, 'source_url': {'type': 'string', 'pattern': '^https?://'}, 'source_document': {'type': 'string', 'minLength': 1}, 'license': {'type': 'string', 'minLength': 1}}, 'required': ['id', 'file', 'sha256', 'published'], 'additionalProperties': False}, rule='additionalProperties')
    return data


validate = validate_https___factbench_example_schema_manifest_schema_json
