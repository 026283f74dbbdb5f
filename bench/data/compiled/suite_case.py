# Generated from gold/schema/suite_case.schema.json by python -m bench.data.compile_schemas: do not edit.
# ruff: noqa
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


NoneType = type(None)

def validate_https___factbench_example_schema_suite_case_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/suite_case.schema.json', 'title': 'Capability suite case (cases.jsonl)', 'description': 'One case of a capability suite: its document, capability, CheckList kind, the fact types it is judged on, its frame and, for INV and DIR cases, the case it was derived from. Extractors never see it.', 'type': 'object', 'properties': {'doc_id': {'type': 'string', 'minLength': 1}, 'capability': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'frame': {'type': 'string', 'minLength': 1}, 'derived_from': {'type': ['string', 'null'], 'minLength': 1}}, 'required': ['doc_id', 'capability', 'kind', 'fact_types', 'frame', 'derived_from'], 'additionalProperties': False}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['doc_id', 'capability', 'kind', 'fact_types', 'frame', 'derived_from']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/suite_case.schema.json', 'title': 'Capability suite case (cases.jsonl)', 'description': 'One case of a capability suite: its document, capability, CheckList kind, the fact types it is judged on, its frame and, for INV and DIR cases, the case it was derived from. Extractors never see it.', 'type': 'object', 'properties': {'doc_id': {'type': 'string', 'minLength': 1}, 'capability': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'frame': {'type': 'string', 'minLength': 1}, 'derived_from': {'type': ['string', 'null'], 'minLength': 1}}, 'required': ['doc_id', 'capability', 'kind', 'fact_types', 'frame', 'derived_from'], 'additionalProperties': False}, rule='required')
        data_keys = set(data.keys())
        if "doc_id" in data_keys:
            data_keys.remove("doc_id")
            data__docid = data["doc_id"]
            if not isinstance(data__docid, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".doc_id must be string", value=data__docid, name="" + (name_prefix or "data") + ".doc_id", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__docid, str):
                data__docid_len = len(data__docid)
                if data__docid_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".doc_id must be longer than or equal to 1 characters", value=data__docid, name="" + (name_prefix or "data") + ".doc_id", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "capability" in data_keys:
            data_keys.remove("capability")
            data__capability = data["capability"]
            if not isinstance(data__capability, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".capability must be string", value=data__capability, name="" + (name_prefix or "data") + ".capability", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__capability, str):
                data__capability_len = len(data__capability)
                if data__capability_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".capability must be longer than or equal to 1 characters", value=data__capability, name="" + (name_prefix or "data") + ".capability", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'MFT' or isinstance(data__kind, str) and data__kind == 'INV' or isinstance(data__kind, str) and data__kind == 'DIR' or isinstance(data__kind, str) and data__kind == 'negative'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['MFT', 'INV', 'DIR', 'negative']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['MFT', 'INV', 'DIR', 'negative']}, rule='enum')
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
        if "frame" in data_keys:
            data_keys.remove("frame")
            data__frame = data["frame"]
            if not isinstance(data__frame, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".frame must be string", value=data__frame, name="" + (name_prefix or "data") + ".frame", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__frame, str):
                data__frame_len = len(data__frame)
                if data__frame_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".frame must be longer than or equal to 1 characters", value=data__frame, name="" + (name_prefix or "data") + ".frame", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "derived_from" in data_keys:
            data_keys.remove("derived_from")
            data__derivedfrom = data["derived_from"]
            if not isinstance(data__derivedfrom, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".derived_from must be string or null", value=data__derivedfrom, name="" + (name_prefix or "data") + ".derived_from", definition={'type': ['string', 'null'], 'minLength': 1}, rule='type')
            if isinstance(data__derivedfrom, str):
                data__derivedfrom_len = len(data__derivedfrom)
                if data__derivedfrom_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".derived_from must be longer than or equal to 1 characters", value=data__derivedfrom, name="" + (name_prefix or "data") + ".derived_from", definition={'type': ['string', 'null'], 'minLength': 1}, rule='minLength')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/suite_case.schema.json', 'title': 'Capability suite case (cases.jsonl)', 'description': 'One case of a capability suite: its document, capability, CheckList kind, the fact types it is judged on, its frame and, for INV and DIR cases, the case it was derived from. Extractors never see it.', 'type': 'object', 'properties': {'doc_id': {'type': 'string', 'minLength': 1}, 'capability': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['MFT', 'INV', 'DIR', 'negative']}, 'fact_types': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'enum': ['date', 'headcount', 'user_count', 'agency', 'official']}}, 'frame': {'type': 'string', 'minLength': 1}, 'derived_from': {'type': ['string', 'null'], 'minLength': 1}}, 'required': ['doc_id', 'capability', 'kind', 'fact_types', 'frame', 'derived_from'], 'additionalProperties': False}, rule='additionalProperties')
    return data


validate = validate_https___factbench_example_schema_suite_case_schema_json
