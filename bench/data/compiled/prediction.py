# Generated from gold/schema/prediction.schema.json by python -m bench.data.compile_schemas: do not edit.
# ruff: noqa
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '\\S': re.compile('\\S'),
    '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3]))?$': re.compile('^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3]))?\\Z')
}

NoneType = type(None)

def validate_https___factbench_example_schema_prediction_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/prediction.schema.json', 'title': 'Prediction', 'description': 'One fact an extractor found. Mention text and offsets are optional; with offsets it is also scored at mention level.', 'type': 'object', 'properties': {'id': {'type': 'string'}, 'doc_id': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}, 'text': {'type': 'string'}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'value': {}, 'extractor': {'type': 'string', 'description': 'Optional: which extractor produced it.'}}, 'required': ['doc_id', 'type', 'value'], 'dependencies': {'start': ['end'], 'end': ['start']}, 'additionalProperties': False, 'allOf': [{'description': "The value's shape follows the fact type.", 'allOf': [{'if': {'properties': {'type': {'const': 'date'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/iso_date'}}}}, {'if': {'properties': {'type': {'enum': ['headcount', 'user_count']}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/count'}}}}, {'if': {'properties': {'type': {'const': 'agency'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/name'}}}}, {'if': {'properties': {'type': {'const': 'official'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/official'}}}}]}]}, rule='type')
    validate_https___factbench_example_schema_values_schema_json___defs_typed_value(data, custom_formats, (name_prefix or "data") + "")
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['doc_id', 'type', 'value']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/prediction.schema.json', 'title': 'Prediction', 'description': 'One fact an extractor found. Mention text and offsets are optional; with offsets it is also scored at mention level.', 'type': 'object', 'properties': {'id': {'type': 'string'}, 'doc_id': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}, 'text': {'type': 'string'}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'value': {}, 'extractor': {'type': 'string', 'description': 'Optional: which extractor produced it.'}}, 'required': ['doc_id', 'type', 'value'], 'dependencies': {'start': ['end'], 'end': ['start']}, 'additionalProperties': False, 'allOf': [{'description': "The value's shape follows the fact type.", 'allOf': [{'if': {'properties': {'type': {'const': 'date'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/iso_date'}}}}, {'if': {'properties': {'type': {'enum': ['headcount', 'user_count']}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/count'}}}}, {'if': {'properties': {'type': {'const': 'agency'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/name'}}}}, {'if': {'properties': {'type': {'const': 'official'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/official'}}}}]}]}, rule='required')
        if "start" in data:
            if "end" not in data:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " missing dependency end for start", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/prediction.schema.json', 'title': 'Prediction', 'description': 'One fact an extractor found. Mention text and offsets are optional; with offsets it is also scored at mention level.', 'type': 'object', 'properties': {'id': {'type': 'string'}, 'doc_id': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}, 'text': {'type': 'string'}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'value': {}, 'extractor': {'type': 'string', 'description': 'Optional: which extractor produced it.'}}, 'required': ['doc_id', 'type', 'value'], 'dependencies': {'start': ['end'], 'end': ['start']}, 'additionalProperties': False, 'allOf': [{'description': "The value's shape follows the fact type.", 'allOf': [{'if': {'properties': {'type': {'const': 'date'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/iso_date'}}}}, {'if': {'properties': {'type': {'enum': ['headcount', 'user_count']}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/count'}}}}, {'if': {'properties': {'type': {'const': 'agency'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/name'}}}}, {'if': {'properties': {'type': {'const': 'official'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/official'}}}}]}]}, rule='dependencies')
        if "end" in data:
            if "start" not in data:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " missing dependency start for end", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/prediction.schema.json', 'title': 'Prediction', 'description': 'One fact an extractor found. Mention text and offsets are optional; with offsets it is also scored at mention level.', 'type': 'object', 'properties': {'id': {'type': 'string'}, 'doc_id': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}, 'text': {'type': 'string'}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'value': {}, 'extractor': {'type': 'string', 'description': 'Optional: which extractor produced it.'}}, 'required': ['doc_id', 'type', 'value'], 'dependencies': {'start': ['end'], 'end': ['start']}, 'additionalProperties': False, 'allOf': [{'description': "The value's shape follows the fact type.", 'allOf': [{'if': {'properties': {'type': {'const': 'date'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/iso_date'}}}}, {'if': {'properties': {'type': {'enum': ['headcount', 'user_count']}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/count'}}}}, {'if': {'properties': {'type': {'const': 'agency'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/name'}}}}, {'if': {'properties': {'type': {'const': 'official'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/official'}}}}]}]}, rule='dependencies')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            if not isinstance(data__id, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".id must be string", value=data__id, name="" + (name_prefix or "data") + ".id", definition={'type': 'string'}, rule='type')
        if "doc_id" in data_keys:
            data_keys.remove("doc_id")
            data__docid = data["doc_id"]
            if not isinstance(data__docid, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".doc_id must be string", value=data__docid, name="" + (name_prefix or "data") + ".doc_id", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__docid, str):
                data__docid_len = len(data__docid)
                if data__docid_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".doc_id must be longer than or equal to 1 characters", value=data__docid, name="" + (name_prefix or "data") + ".doc_id", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "type" in data_keys:
            data_keys.remove("type")
            data__type = data["type"]
            validate_https___factbench_example_schema_values_schema_json___defs_fact_type(data__type, custom_formats, (name_prefix or "data") + ".type")
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            if not isinstance(data__text, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string", value=data__text, name="" + (name_prefix or "data") + ".text", definition={'type': 'string'}, rule='type')
        if "start" in data_keys:
            data_keys.remove("start")
            data__start = data["start"]
            if not isinstance(data__start, (int)) and not (isinstance(data__start, float) and data__start.is_integer()) or isinstance(data__start, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".start must be integer", value=data__start, name="" + (name_prefix or "data") + ".start", definition={'type': 'integer', 'minimum': 0}, rule='type')
            if isinstance(data__start, (int, float, Decimal)) and not isinstance(data__start, bool):
                if data__start < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".start must be bigger than or equal to 0", value=data__start, name="" + (name_prefix or "data") + ".start", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
        if "end" in data_keys:
            data_keys.remove("end")
            data__end = data["end"]
            if not isinstance(data__end, (int)) and not (isinstance(data__end, float) and data__end.is_integer()) or isinstance(data__end, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".end must be integer", value=data__end, name="" + (name_prefix or "data") + ".end", definition={'type': 'integer', 'minimum': 0}, rule='type')
            if isinstance(data__end, (int, float, Decimal)) and not isinstance(data__end, bool):
                if data__end < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".end must be bigger than or equal to 0", value=data__end, name="" + (name_prefix or "data") + ".end", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
        if "value" in data_keys:
            data_keys.remove("value")
            data__value = data["value"]
        if "extractor" in data_keys:
            data_keys.remove("extractor")
            data__extractor = data["extractor"]
            if not isinstance(data__extractor, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".extractor must be string", value=data__extractor, name="" + (name_prefix or "data") + ".extractor", definition={'type': 'string', 'description': 'Optional: which extractor produced it.'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/prediction.schema.json', 'title': 'Prediction', 'description': 'One fact an extractor found. Mention text and offsets are optional; with offsets it is also scored at mention level.', 'type': 'object', 'properties': {'id': {'type': 'string'}, 'doc_id': {'type': 'string', 'minLength': 1}, 'type': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}, 'text': {'type': 'string'}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'value': {}, 'extractor': {'type': 'string', 'description': 'Optional: which extractor produced it.'}}, 'required': ['doc_id', 'type', 'value'], 'dependencies': {'start': ['end'], 'end': ['start']}, 'additionalProperties': False, 'allOf': [{'description': "The value's shape follows the fact type.", 'allOf': [{'if': {'properties': {'type': {'const': 'date'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/iso_date'}}}}, {'if': {'properties': {'type': {'enum': ['headcount', 'user_count']}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/count'}}}}, {'if': {'properties': {'type': {'const': 'agency'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/name'}}}}, {'if': {'properties': {'type': {'const': 'official'}}, 'required': ['type']}, 'then': {'properties': {'value': {'$ref': '#/$defs/official'}}}}]}]}, rule='additionalProperties')
    return data

def validate_https___factbench_example_schema_values_schema_json___defs_fact_type(data, custom_formats={}, name_prefix=None):
    if not (isinstance(data, str) and data == 'date' or isinstance(data, str) and data == 'headcount' or isinstance(data, str) and data == 'user_count' or isinstance(data, str) and data == 'agency' or isinstance(data, str) and data == 'official'):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['date', 'headcount', 'user_count', 'agency', 'official']", value=data, name="" + (name_prefix or "data") + "", definition={'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}, rule='enum')
    return data

def validate_https___factbench_example_schema_values_schema_json___defs_typed_value(data, custom_formats={}, name_prefix=None):
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['type']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'properties': {'type': {'const': 'date'}}, 'required': ['type']}, rule='required')
            data_keys = set(data.keys())
            if "type" in data_keys:
                data_keys.remove("type")
                data__type = data["type"]
                if not (isinstance(data__type, str) and data__type == 'date'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".type must be same as const definition: date", value=data__type, name="" + (name_prefix or "data") + ".type", definition={'const': 'date'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "value" in data_keys:
                data_keys.remove("value")
                data__value = data["value"]
                validate_https___factbench_example_schema_values_schema_json___defs_iso_date(data__value, custom_formats, (name_prefix or "data") + ".value")
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['type']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'properties': {'type': {'enum': ['headcount', 'user_count']}}, 'required': ['type']}, rule='required')
            data_keys = set(data.keys())
            if "type" in data_keys:
                data_keys.remove("type")
                data__type = data["type"]
                if not (isinstance(data__type, str) and data__type == 'headcount' or isinstance(data__type, str) and data__type == 'user_count'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".type must be one of ['headcount', 'user_count']", value=data__type, name="" + (name_prefix or "data") + ".type", definition={'enum': ['headcount', 'user_count']}, rule='enum')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "value" in data_keys:
                data_keys.remove("value")
                data__value = data["value"]
                validate_https___factbench_example_schema_values_schema_json___defs_count(data__value, custom_formats, (name_prefix or "data") + ".value")
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['type']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'properties': {'type': {'const': 'agency'}}, 'required': ['type']}, rule='required')
            data_keys = set(data.keys())
            if "type" in data_keys:
                data_keys.remove("type")
                data__type = data["type"]
                if not (isinstance(data__type, str) and data__type == 'agency'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".type must be same as const definition: agency", value=data__type, name="" + (name_prefix or "data") + ".type", definition={'const': 'agency'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "value" in data_keys:
                data_keys.remove("value")
                data__value = data["value"]
                validate_https___factbench_example_schema_values_schema_json___defs_name(data__value, custom_formats, (name_prefix or "data") + ".value")
    try:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data__missing_keys = set(['type']) - data.keys()
            if data__missing_keys:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'properties': {'type': {'const': 'official'}}, 'required': ['type']}, rule='required')
            data_keys = set(data.keys())
            if "type" in data_keys:
                data_keys.remove("type")
                data__type = data["type"]
                if not (isinstance(data__type, str) and data__type == 'official'):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".type must be same as const definition: official", value=data__type, name="" + (name_prefix or "data") + ".type", definition={'const': 'official'}, rule='const')
    except (JsonSchemaValueException, JsonSchemaValuesException):
        pass
    else:
        data_is_dict = isinstance(data, dict)
        if data_is_dict:
            data_keys = set(data.keys())
            if "value" in data_keys:
                data_keys.remove("value")
                data__value = data["value"]
                validate_https___factbench_example_schema_values_schema_json___defs_official(data__value, custom_formats, (name_prefix or "data") + ".value")
    return data

def validate_https___factbench_example_schema_values_schema_json___defs_official(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'name': {'type': 'string', 'minLength': 1, 'pattern': '\\S'}, 'title': {'type': 'string', 'minLength': 1, 'pattern': '\\S'}}, 'required': ['name', 'title'], 'additionalProperties': False}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'title']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'name': {'type': 'string', 'minLength': 1, 'pattern': '\\S'}, 'title': {'type': 'string', 'minLength': 1, 'pattern': '\\S'}}, 'required': ['name', 'title'], 'additionalProperties': False}, rule='required')
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate_https___factbench_example_schema_values_schema_json___defs_name(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate_https___factbench_example_schema_values_schema_json___defs_name(data__title, custom_formats, (name_prefix or "data") + ".title")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'name': {'type': 'string', 'minLength': 1, 'pattern': '\\S'}, 'title': {'type': 'string', 'minLength': 1, 'pattern': '\\S'}}, 'required': ['name', 'title'], 'additionalProperties': False}, rule='additionalProperties')
    return data

def validate_https___factbench_example_schema_values_schema_json___defs_name(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S'}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S'}, rule='minLength')
        if not REGEX_PATTERNS['\\S'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern \\S", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S'}, rule='pattern')
    return data

def validate_https___factbench_example_schema_values_schema_json___defs_count(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'count': {'type': 'integer', 'minimum': 0, 'maximum': 1000000000000000, 'description': 'At most 10^15: more than anything counted in news, and exact as a float.'}, 'qualifier': {'enum': ['eq', 'lt', 'le', 'gt', 'ge', 'approx']}, 'unit': {'type': 'string', 'minLength': 1, 'description': 'What is counted, canonical: employees, users, companies.'}}, 'required': ['count', 'qualifier', 'unit'], 'additionalProperties': False}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['count', 'qualifier', 'unit']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'count': {'type': 'integer', 'minimum': 0, 'maximum': 1000000000000000, 'description': 'At most 10^15: more than anything counted in news, and exact as a float.'}, 'qualifier': {'enum': ['eq', 'lt', 'le', 'gt', 'ge', 'approx']}, 'unit': {'type': 'string', 'minLength': 1, 'description': 'What is counted, canonical: employees, users, companies.'}}, 'required': ['count', 'qualifier', 'unit'], 'additionalProperties': False}, rule='required')
        data_keys = set(data.keys())
        if "count" in data_keys:
            data_keys.remove("count")
            data__count = data["count"]
            if not isinstance(data__count, (int)) and not (isinstance(data__count, float) and data__count.is_integer()) or isinstance(data__count, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".count must be integer", value=data__count, name="" + (name_prefix or "data") + ".count", definition={'type': 'integer', 'minimum': 0, 'maximum': 1000000000000000, 'description': 'At most 10^15: more than anything counted in news, and exact as a float.'}, rule='type')
            if isinstance(data__count, (int, float, Decimal)) and not isinstance(data__count, bool):
                if data__count < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".count must be bigger than or equal to 0", value=data__count, name="" + (name_prefix or "data") + ".count", definition={'type': 'integer', 'minimum': 0, 'maximum': 1000000000000000, 'description': 'At most 10^15: more than anything counted in news, and exact as a float.'}, rule='minimum')
                if data__count > 1000000000000000:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".count must be smaller than or equal to 1000000000000000", value=data__count, name="" + (name_prefix or "data") + ".count", definition={'type': 'integer', 'minimum': 0, 'maximum': 1000000000000000, 'description': 'At most 10^15: more than anything counted in news, and exact as a float.'}, rule='maximum')
        if "qualifier" in data_keys:
            data_keys.remove("qualifier")
            data__qualifier = data["qualifier"]
            if not (isinstance(data__qualifier, str) and data__qualifier == 'eq' or isinstance(data__qualifier, str) and data__qualifier == 'lt' or isinstance(data__qualifier, str) and data__qualifier == 'le' or isinstance(data__qualifier, str) and data__qualifier == 'gt' or isinstance(data__qualifier, str) and data__qualifier == 'ge' or isinstance(data__qualifier, str) and data__qualifier == 'approx'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".qualifier must be one of ['eq', 'lt', 'le', 'gt', 'ge', 'approx']", value=data__qualifier, name="" + (name_prefix or "data") + ".qualifier", definition={'enum': ['eq', 'lt', 'le', 'gt', 'ge', 'approx']}, rule='enum')
        if "unit" in data_keys:
            data_keys.remove("unit")
            data__unit = data["unit"]
            if not isinstance(data__unit, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".unit must be string", value=data__unit, name="" + (name_prefix or "data") + ".unit", definition={'type': 'string', 'minLength': 1, 'description': 'What is counted, canonical: employees, users, companies.'}, rule='type')
            if isinstance(data__unit, str):
                data__unit_len = len(data__unit)
                if data__unit_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".unit must be longer than or equal to 1 characters", value=data__unit, name="" + (name_prefix or "data") + ".unit", definition={'type': 'string', 'minLength': 1, 'description': 'What is counted, canonical: employees, users, companies.'}, rule='minLength')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'count': {'type': 'integer', 'minimum': 0, 'maximum': 1000000000000000, 'description': 'At most 10^15: more than anything counted in news, and exact as a float.'}, 'qualifier': {'enum': ['eq', 'lt', 'le', 'gt', 'ge', 'approx']}, 'unit': {'type': 'string', 'minLength': 1, 'description': 'What is counted, canonical: employees, users, companies.'}}, 'required': ['count', 'qualifier', 'unit'], 'additionalProperties': False}, rule='additionalProperties')
    return data

def validate_https___factbench_example_schema_values_schema_json___defs_iso_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'ISO 8601 at the precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD or a week YYYY-Www.', 'type': 'string', 'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3]))?$'}, rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3]))?$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3]))?$", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'ISO 8601 at the precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD or a week YYYY-Www.', 'type': 'string', 'pattern': '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|-W(0[1-9]|[1-4][0-9]|5[0-3]))?$'}, rule='pattern')
    return data


validate = validate_https___factbench_example_schema_prediction_schema_json
