# Generated from gold/schema/twins_marker.schema.json by python -m bench.data.compile_schemas: do not edit.
# ruff: noqa
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^sha256:[0-9a-f]{64}$': re.compile('^sha256:[0-9a-f]{64}\\Z')
}

NoneType = type(None)

def validate_https___factbench_example_schema_twins_marker_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/twins_marker.schema.json', 'title': 'Twin set marker (.bench-twins)', 'description': "Written by bench twins build into each twin set: the source set's version and content hash, the seed, the whole number of weeks every date moved, the factor every count was multiplied by, and the Faker and generator versions that named it.", 'type': 'object', 'properties': {'source_version': {'type': 'string', 'minLength': 1}, 'source_hash': {'type': 'string', 'pattern': '^sha256:[0-9a-f]{64}$'}, 'seed': {'type': 'integer', 'minimum': 0}, 'weeks': {'type': 'integer'}, 'count_factor': {'type': 'number', 'exclusiveMinimum': 0}, 'faker': {'type': 'string', 'minLength': 1}, 'generator': {'type': 'string', 'minLength': 1}, 'format': {'type': 'integer', 'const': 1}}, 'required': ['source_version', 'source_hash', 'seed', 'weeks', 'count_factor', 'faker', 'generator'], 'additionalProperties': False}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['source_version', 'source_hash', 'seed', 'weeks', 'count_factor', 'faker', 'generator']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/twins_marker.schema.json', 'title': 'Twin set marker (.bench-twins)', 'description': "Written by bench twins build into each twin set: the source set's version and content hash, the seed, the whole number of weeks every date moved, the factor every count was multiplied by, and the Faker and generator versions that named it.", 'type': 'object', 'properties': {'source_version': {'type': 'string', 'minLength': 1}, 'source_hash': {'type': 'string', 'pattern': '^sha256:[0-9a-f]{64}$'}, 'seed': {'type': 'integer', 'minimum': 0}, 'weeks': {'type': 'integer'}, 'count_factor': {'type': 'number', 'exclusiveMinimum': 0}, 'faker': {'type': 'string', 'minLength': 1}, 'generator': {'type': 'string', 'minLength': 1}, 'format': {'type': 'integer', 'const': 1}}, 'required': ['source_version', 'source_hash', 'seed', 'weeks', 'count_factor', 'faker', 'generator'], 'additionalProperties': False}, rule='required')
        data_keys = set(data.keys())
        if "source_version" in data_keys:
            data_keys.remove("source_version")
            data__sourceversion = data["source_version"]
            if not isinstance(data__sourceversion, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source_version must be string", value=data__sourceversion, name="" + (name_prefix or "data") + ".source_version", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__sourceversion, str):
                data__sourceversion_len = len(data__sourceversion)
                if data__sourceversion_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source_version must be longer than or equal to 1 characters", value=data__sourceversion, name="" + (name_prefix or "data") + ".source_version", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "source_hash" in data_keys:
            data_keys.remove("source_hash")
            data__sourcehash = data["source_hash"]
            if not isinstance(data__sourcehash, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source_hash must be string", value=data__sourcehash, name="" + (name_prefix or "data") + ".source_hash", definition={'type': 'string', 'pattern': '^sha256:[0-9a-f]{64}$'}, rule='type')
            if isinstance(data__sourcehash, str):
                if not REGEX_PATTERNS['^sha256:[0-9a-f]{64}$'].search(data__sourcehash):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source_hash must match pattern ^sha256:[0-9a-f]{64}$", value=data__sourcehash, name="" + (name_prefix or "data") + ".source_hash", definition={'type': 'string', 'pattern': '^sha256:[0-9a-f]{64}$'}, rule='pattern')
        if "seed" in data_keys:
            data_keys.remove("seed")
            data__seed = data["seed"]
            if not isinstance(data__seed, (int)) and not (isinstance(data__seed, float) and data__seed.is_integer()) or isinstance(data__seed, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".seed must be integer", value=data__seed, name="" + (name_prefix or "data") + ".seed", definition={'type': 'integer', 'minimum': 0}, rule='type')
            if isinstance(data__seed, (int, float, Decimal)) and not isinstance(data__seed, bool):
                if data__seed < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".seed must be bigger than or equal to 0", value=data__seed, name="" + (name_prefix or "data") + ".seed", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
        if "weeks" in data_keys:
            data_keys.remove("weeks")
            data__weeks = data["weeks"]
            if not isinstance(data__weeks, (int)) and not (isinstance(data__weeks, float) and data__weeks.is_integer()) or isinstance(data__weeks, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".weeks must be integer", value=data__weeks, name="" + (name_prefix or "data") + ".weeks", definition={'type': 'integer'}, rule='type')
        if "count_factor" in data_keys:
            data_keys.remove("count_factor")
            data__countfactor = data["count_factor"]
            if not isinstance(data__countfactor, (int, float, Decimal)) or isinstance(data__countfactor, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".count_factor must be number", value=data__countfactor, name="" + (name_prefix or "data") + ".count_factor", definition={'type': 'number', 'exclusiveMinimum': 0}, rule='type')
            if isinstance(data__countfactor, (int, float, Decimal)) and not isinstance(data__countfactor, bool):
                if data__countfactor <= 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".count_factor must be bigger than 0", value=data__countfactor, name="" + (name_prefix or "data") + ".count_factor", definition={'type': 'number', 'exclusiveMinimum': 0}, rule='exclusiveMinimum')
        if "faker" in data_keys:
            data_keys.remove("faker")
            data__faker = data["faker"]
            if not isinstance(data__faker, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".faker must be string", value=data__faker, name="" + (name_prefix or "data") + ".faker", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__faker, str):
                data__faker_len = len(data__faker)
                if data__faker_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".faker must be longer than or equal to 1 characters", value=data__faker, name="" + (name_prefix or "data") + ".faker", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "generator" in data_keys:
            data_keys.remove("generator")
            data__generator = data["generator"]
            if not isinstance(data__generator, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".generator must be string", value=data__generator, name="" + (name_prefix or "data") + ".generator", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__generator, str):
                data__generator_len = len(data__generator)
                if data__generator_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".generator must be longer than or equal to 1 characters", value=data__generator, name="" + (name_prefix or "data") + ".generator", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "format" in data_keys:
            data_keys.remove("format")
            data__format = data["format"]
            if not isinstance(data__format, (int)) and not (isinstance(data__format, float) and data__format.is_integer()) or isinstance(data__format, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".format must be integer", value=data__format, name="" + (name_prefix or "data") + ".format", definition={'type': 'integer', 'const': 1}, rule='type')
            if not (isinstance(data__format, (int, float)) and not isinstance(data__format, bool) and data__format == 1):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".format must be same as const definition: 1", value=data__format, name="" + (name_prefix or "data") + ".format", definition={'type': 'integer', 'const': 1}, rule='const')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/twins_marker.schema.json', 'title': 'Twin set marker (.bench-twins)', 'description': "Written by bench twins build into each twin set: the source set's version and content hash, the seed, the whole number of weeks every date moved, the factor every count was multiplied by, and the Faker and generator versions that named it.", 'type': 'object', 'properties': {'source_version': {'type': 'string', 'minLength': 1}, 'source_hash': {'type': 'string', 'pattern': '^sha256:[0-9a-f]{64}$'}, 'seed': {'type': 'integer', 'minimum': 0}, 'weeks': {'type': 'integer'}, 'count_factor': {'type': 'number', 'exclusiveMinimum': 0}, 'faker': {'type': 'string', 'minLength': 1}, 'generator': {'type': 'string', 'minLength': 1}, 'format': {'type': 'integer', 'const': 1}}, 'required': ['source_version', 'source_hash', 'seed', 'weeks', 'count_factor', 'faker', 'generator'], 'additionalProperties': False}, rule='additionalProperties')
    return data


validate = validate_https___factbench_example_schema_twins_marker_schema_json
