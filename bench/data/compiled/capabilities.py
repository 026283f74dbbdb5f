# Generated from gold/schema/capabilities.schema.json by python -m bench.data.compile_schemas: do not edit.
# ruff: noqa
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


NoneType = type(None)

def validate_https___factbench_example_schema_capabilities_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/capabilities.schema.json', 'title': 'Capability suite catalogue (capabilities.json)', 'description': "A suite's name and seed, the versions that wrote it, and each capability: id, judged fact types, CheckList kind, whether context decides its gold, a description, the capabilities an INV or DIR one derives from, and the real-text error it stands for.", 'type': 'object', 'properties': {'name': {'type': 'string', 'minLength': 1}, 'seed': {'type': 'integer'}, 'generator': {'type': 'string', 'minLength': 1}, 'faker': {'type': 'string', 'minLength': 1}, 'capabilities': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}}}, 'required': ['name', 'seed', 'capabilities'], 'additionalProperties': False, '$defs': {'capability': {'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['name', 'seed', 'capabilities']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/capabilities.schema.json', 'title': 'Capability suite catalogue (capabilities.json)', 'description': "A suite's name and seed, the versions that wrote it, and each capability: id, judged fact types, CheckList kind, whether context decides its gold, a description, the capabilities an INV or DIR one derives from, and the real-text error it stands for.", 'type': 'object', 'properties': {'name': {'type': 'string', 'minLength': 1}, 'seed': {'type': 'integer'}, 'generator': {'type': 'string', 'minLength': 1}, 'faker': {'type': 'string', 'minLength': 1}, 'capabilities': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}}}, 'required': ['name', 'seed', 'capabilities'], 'additionalProperties': False, '$defs': {'capability': {'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}}}, rule='required')
        data_keys = set(data.keys())
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            if not isinstance(data__name, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be string", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__name, str):
                data__name_len = len(data__name)
                if data__name_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".name must be longer than or equal to 1 characters", value=data__name, name="" + (name_prefix or "data") + ".name", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "seed" in data_keys:
            data_keys.remove("seed")
            data__seed = data["seed"]
            if not isinstance(data__seed, (int)) and not (isinstance(data__seed, float) and data__seed.is_integer()) or isinstance(data__seed, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".seed must be integer", value=data__seed, name="" + (name_prefix or "data") + ".seed", definition={'type': 'integer'}, rule='type')
        if "generator" in data_keys:
            data_keys.remove("generator")
            data__generator = data["generator"]
            if not isinstance(data__generator, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".generator must be string", value=data__generator, name="" + (name_prefix or "data") + ".generator", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__generator, str):
                data__generator_len = len(data__generator)
                if data__generator_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".generator must be longer than or equal to 1 characters", value=data__generator, name="" + (name_prefix or "data") + ".generator", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "faker" in data_keys:
            data_keys.remove("faker")
            data__faker = data["faker"]
            if not isinstance(data__faker, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".faker must be string", value=data__faker, name="" + (name_prefix or "data") + ".faker", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__faker, str):
                data__faker_len = len(data__faker)
                if data__faker_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".faker must be longer than or equal to 1 characters", value=data__faker, name="" + (name_prefix or "data") + ".faker", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "capabilities" in data_keys:
            data_keys.remove("capabilities")
            data__capabilities = data["capabilities"]
            if not isinstance(data__capabilities, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".capabilities must be array", value=data__capabilities, name="" + (name_prefix or "data") + ".capabilities", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}}, rule='type')
            data__capabilities_is_list = isinstance(data__capabilities, (list, tuple))
            if data__capabilities_is_list:
                data__capabilities_len = len(data__capabilities)
                if data__capabilities_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".capabilities must contain at least 1 items", value=data__capabilities, name="" + (name_prefix or "data") + ".capabilities", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}}, rule='minItems')
                for data__capabilities_x, data__capabilities_item in enumerate(data__capabilities):
                    validate_https___factbench_example_schema_capabilities_schema_json___defs_capability(data__capabilities_item, custom_formats, (name_prefix or "data") + ".capabilities[{data__capabilities_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/capabilities.schema.json', 'title': 'Capability suite catalogue (capabilities.json)', 'description': "A suite's name and seed, the versions that wrote it, and each capability: id, judged fact types, CheckList kind, whether context decides its gold, a description, the capabilities an INV or DIR one derives from, and the real-text error it stands for.", 'type': 'object', 'properties': {'name': {'type': 'string', 'minLength': 1}, 'seed': {'type': 'integer'}, 'generator': {'type': 'string', 'minLength': 1}, 'faker': {'type': 'string', 'minLength': 1}, 'capabilities': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}}}, 'required': ['name', 'seed', 'capabilities'], 'additionalProperties': False, '$defs': {'capability': {'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}}}, rule='additionalProperties')
    return data

def validate_https___factbench_example_schema_capabilities_schema_json___defs_capability(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'fact_types', 'kind', 'context', 'description', 'sources']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}, rule='required')
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
        if "fact_types" in data_keys:
            data_keys.remove("fact_types")
            data__facttypes = data["fact_types"]
            if not isinstance(data__facttypes, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".fact_types must be array", value=data__facttypes, name="" + (name_prefix or "data") + ".fact_types", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, rule='type')
            data__facttypes_is_list = isinstance(data__facttypes, (list, tuple))
            if data__facttypes_is_list:
                data__facttypes_len = len(data__facttypes)
                if data__facttypes_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".fact_types must contain at least 1 items", value=data__facttypes, name="" + (name_prefix or "data") + ".fact_types", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, rule='minItems')
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                if data__facttypes_len > len(set(fn(data__facttypes_x) for data__facttypes_x in data__facttypes)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".fact_types must contain unique items", value=data__facttypes, name="" + (name_prefix or "data") + ".fact_types", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, rule='uniqueItems')
                for data__facttypes_x, data__facttypes_item in enumerate(data__facttypes):
                    if not (isinstance(data__facttypes_item, str) and data__facttypes_item == 'date' or isinstance(data__facttypes_item, str) and data__facttypes_item == 'headcount' or isinstance(data__facttypes_item, str) and data__facttypes_item == 'user_count' or isinstance(data__facttypes_item, str) and data__facttypes_item == 'agency' or isinstance(data__facttypes_item, str) and data__facttypes_item == 'official'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".fact_types[{data__facttypes_x}]".format(**locals()) + " must be one of ['date', 'headcount', 'user_count', 'agency', 'official']", value=data__facttypes_item, name="" + (name_prefix or "data") + ".fact_types[{data__facttypes_x}]".format(**locals()) + "", definition={'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}, rule='enum')
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'MFT' or isinstance(data__kind, str) and data__kind == 'INV' or isinstance(data__kind, str) and data__kind == 'DIR' or isinstance(data__kind, str) and data__kind == 'negative'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['MFT', 'INV', 'DIR', 'negative']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['MFT', 'INV', 'DIR', 'negative']}, rule='enum')
        if "context" in data_keys:
            data_keys.remove("context")
            data__context = data["context"]
            if not isinstance(data__context, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".context must be boolean", value=data__context, name="" + (name_prefix or "data") + ".context", definition={'type': 'boolean'}, rule='type')
        if "description" in data_keys:
            data_keys.remove("description")
            data__description = data["description"]
            if not isinstance(data__description, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be string", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__description, str):
                data__description_len = len(data__description)
                if data__description_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".description must be longer than or equal to 1 characters", value=data__description, name="" + (name_prefix or "data") + ".description", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "sources" in data_keys:
            data_keys.remove("sources")
            data__sources = data["sources"]
            if not isinstance(data__sources, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sources must be array", value=data__sources, name="" + (name_prefix or "data") + ".sources", definition={'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, rule='type')
            data__sources_is_list = isinstance(data__sources, (list, tuple))
            if data__sources_is_list:
                data__sources_len = len(data__sources)
                for data__sources_x, data__sources_item in enumerate(data__sources):
                    if not isinstance(data__sources_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sources[{data__sources_x}]".format(**locals()) + " must be string", value=data__sources_item, name="" + (name_prefix or "data") + ".sources[{data__sources_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__sources_item, str):
                        data__sources_item_len = len(data__sources_item)
                        if data__sources_item_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sources[{data__sources_x}]".format(**locals()) + " must be longer than or equal to 1 characters", value=data__sources_item, name="" + (name_prefix or "data") + ".sources[{data__sources_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "real_example" in data_keys:
            data_keys.remove("real_example")
            data__realexample = data["real_example"]
            if not isinstance(data__realexample, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example must be object", value=data__realexample, name="" + (name_prefix or "data") + ".real_example", definition={'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}, rule='type')
            data__realexample_is_dict = isinstance(data__realexample, dict)
            if data__realexample_is_dict:
                data__realexample__missing_keys = set(['set', 'doc_id', 'start', 'end', 'quote', 'error']) - data__realexample.keys()
                if data__realexample__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example must contain " + (str(sorted(data__realexample__missing_keys)) + " properties"), value=data__realexample, name="" + (name_prefix or "data") + ".real_example", definition={'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}, rule='required')
                data__realexample_keys = set(data__realexample.keys())
                if "set" in data__realexample_keys:
                    data__realexample_keys.remove("set")
                    data__realexample__set = data__realexample["set"]
                    if not isinstance(data__realexample__set, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.set must be string", value=data__realexample__set, name="" + (name_prefix or "data") + ".real_example.set", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__realexample__set, str):
                        data__realexample__set_len = len(data__realexample__set)
                        if data__realexample__set_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.set must be longer than or equal to 1 characters", value=data__realexample__set, name="" + (name_prefix or "data") + ".real_example.set", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                if "doc_id" in data__realexample_keys:
                    data__realexample_keys.remove("doc_id")
                    data__realexample__docid = data__realexample["doc_id"]
                    if not isinstance(data__realexample__docid, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.doc_id must be string", value=data__realexample__docid, name="" + (name_prefix or "data") + ".real_example.doc_id", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__realexample__docid, str):
                        data__realexample__docid_len = len(data__realexample__docid)
                        if data__realexample__docid_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.doc_id must be longer than or equal to 1 characters", value=data__realexample__docid, name="" + (name_prefix or "data") + ".real_example.doc_id", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                if "start" in data__realexample_keys:
                    data__realexample_keys.remove("start")
                    data__realexample__start = data__realexample["start"]
                    if not isinstance(data__realexample__start, (int)) and not (isinstance(data__realexample__start, float) and data__realexample__start.is_integer()) or isinstance(data__realexample__start, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.start must be integer", value=data__realexample__start, name="" + (name_prefix or "data") + ".real_example.start", definition={'type': 'integer', 'minimum': 0}, rule='type')
                    if isinstance(data__realexample__start, (int, float, Decimal)) and not isinstance(data__realexample__start, bool):
                        if data__realexample__start < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.start must be bigger than or equal to 0", value=data__realexample__start, name="" + (name_prefix or "data") + ".real_example.start", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
                if "end" in data__realexample_keys:
                    data__realexample_keys.remove("end")
                    data__realexample__end = data__realexample["end"]
                    if not isinstance(data__realexample__end, (int)) and not (isinstance(data__realexample__end, float) and data__realexample__end.is_integer()) or isinstance(data__realexample__end, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.end must be integer", value=data__realexample__end, name="" + (name_prefix or "data") + ".real_example.end", definition={'type': 'integer', 'minimum': 0}, rule='type')
                    if isinstance(data__realexample__end, (int, float, Decimal)) and not isinstance(data__realexample__end, bool):
                        if data__realexample__end < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.end must be bigger than or equal to 0", value=data__realexample__end, name="" + (name_prefix or "data") + ".real_example.end", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
                if "quote" in data__realexample_keys:
                    data__realexample_keys.remove("quote")
                    data__realexample__quote = data__realexample["quote"]
                    if not isinstance(data__realexample__quote, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.quote must be string", value=data__realexample__quote, name="" + (name_prefix or "data") + ".real_example.quote", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__realexample__quote, str):
                        data__realexample__quote_len = len(data__realexample__quote)
                        if data__realexample__quote_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.quote must be longer than or equal to 1 characters", value=data__realexample__quote, name="" + (name_prefix or "data") + ".real_example.quote", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                if "error" in data__realexample_keys:
                    data__realexample_keys.remove("error")
                    data__realexample__error = data__realexample["error"]
                    if not isinstance(data__realexample__error, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.error must be string", value=data__realexample__error, name="" + (name_prefix or "data") + ".real_example.error", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__realexample__error, str):
                        data__realexample__error_len = len(data__realexample__error)
                        if data__realexample__error_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example.error must be longer than or equal to 1 characters", value=data__realexample__error, name="" + (name_prefix or "data") + ".real_example.error", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                if data__realexample_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".real_example must not contain "+str(data__realexample_keys)+" properties", value=data__realexample, name="" + (name_prefix or "data") + ".real_example", definition={'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}, rule='additionalProperties')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'properties': {'id': {'type': 'string', 'minLength': 1}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'context': {'type': 'boolean'}, 'description': {'type': 'string', 'minLength': 1}, 'sources': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, 'real_example': {'type': 'object', 'properties': {'set': {'type': 'string', 'minLength': 1}, 'doc_id': {'type': 'string', 'minLength': 1}, 'start': {'type': 'integer', 'minimum': 0}, 'end': {'type': 'integer', 'minimum': 0}, 'quote': {'type': 'string', 'minLength': 1}, 'error': {'type': 'string', 'minLength': 1}}, 'required': ['set', 'doc_id', 'start', 'end', 'quote', 'error'], 'additionalProperties': False}}, 'required': ['id', 'fact_types', 'kind', 'context', 'description', 'sources'], 'additionalProperties': False}, rule='additionalProperties')
    return data


validate = validate_https___factbench_example_schema_capabilities_schema_json
