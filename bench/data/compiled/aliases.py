# Generated from gold/schema/aliases.schema.json by python -m bench.data.compile_schemas: do not edit.
# ruff: noqa
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


NoneType = type(None)

def validate_https___factbench_example_schema_aliases_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/aliases.schema.json', 'title': 'Alias table', 'description': "A gold set's canonical names, per kind, each with the other surface forms that mean it. Names are compared folded (case, punctuation, '&'/'and', a leading 'the' or US prefix do not count); no folded form may belong to two canonical names.", 'type': 'object', 'properties': {'_comment': {'type': 'string'}, 'agencies': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, 'officials': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, 'titles': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, 'units': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}, 'required': ['agencies', 'officials', 'titles', 'units'], 'additionalProperties': False, '$defs': {'table': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['agencies', 'officials', 'titles', 'units']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/aliases.schema.json', 'title': 'Alias table', 'description': "A gold set's canonical names, per kind, each with the other surface forms that mean it. Names are compared folded (case, punctuation, '&'/'and', a leading 'the' or US prefix do not count); no folded form may belong to two canonical names.", 'type': 'object', 'properties': {'_comment': {'type': 'string'}, 'agencies': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, 'officials': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, 'titles': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, 'units': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}, 'required': ['agencies', 'officials', 'titles', 'units'], 'additionalProperties': False, '$defs': {'table': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}}, rule='required')
        data_keys = set(data.keys())
        if "_comment" in data_keys:
            data_keys.remove("_comment")
            data__comment = data["_comment"]
            if not isinstance(data__comment, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + "._comment must be string", value=data__comment, name="" + (name_prefix or "data") + "._comment", definition={'type': 'string'}, rule='type')
        if "agencies" in data_keys:
            data_keys.remove("agencies")
            data__agencies = data["agencies"]
            validate_https___factbench_example_schema_aliases_schema_json___defs_table(data__agencies, custom_formats, (name_prefix or "data") + ".agencies")
        if "officials" in data_keys:
            data_keys.remove("officials")
            data__officials = data["officials"]
            validate_https___factbench_example_schema_aliases_schema_json___defs_table(data__officials, custom_formats, (name_prefix or "data") + ".officials")
        if "titles" in data_keys:
            data_keys.remove("titles")
            data__titles = data["titles"]
            validate_https___factbench_example_schema_aliases_schema_json___defs_table(data__titles, custom_formats, (name_prefix or "data") + ".titles")
        if "units" in data_keys:
            data_keys.remove("units")
            data__units = data["units"]
            validate_https___factbench_example_schema_aliases_schema_json___defs_table(data__units, custom_formats, (name_prefix or "data") + ".units")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/aliases.schema.json', 'title': 'Alias table', 'description': "A gold set's canonical names, per kind, each with the other surface forms that mean it. Names are compared folded (case, punctuation, '&'/'and', a leading 'the' or US prefix do not count); no folded form may belong to two canonical names.", 'type': 'object', 'properties': {'_comment': {'type': 'string'}, 'agencies': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, 'officials': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, 'titles': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, 'units': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}, 'required': ['agencies', 'officials', 'titles', 'units'], 'additionalProperties': False, '$defs': {'table': {'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}}}, rule='additionalProperties')
    return data

def validate_https___factbench_example_schema_aliases_schema_json___defs_table(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data_keys = set(data.keys())
        for data_key in data_keys:
            if data_key not in []:
                data_value = data.get(data_key)
                if not isinstance(data_value, (list, tuple)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}".format(**locals()) + " must be array", value=data_value, name="" + (name_prefix or "data") + ".{data_key}".format(**locals()) + "", definition={'type': 'array', 'items': {'type': 'string', 'minLength': 1}}, rule='type')
                data_value_is_list = isinstance(data_value, (list, tuple))
                if data_value_is_list:
                    data_value_len = len(data_value)
                    for data_value_x, data_value_item in enumerate(data_value):
                        if not isinstance(data_value_item, (str)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}[{data_value_x}]".format(**locals()) + " must be string", value=data_value_item, name="" + (name_prefix or "data") + ".{data_key}[{data_value_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='type')
                        if isinstance(data_value_item, str):
                            data_value_item_len = len(data_value_item)
                            if data_value_item_len < 1:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".{data_key}[{data_value_x}]".format(**locals()) + " must be longer than or equal to 1 characters", value=data_value_item, name="" + (name_prefix or "data") + ".{data_key}[{data_value_x}]".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        data_len = len(data)
        if data_len != 0:
            data_property_names = True
            for data_key in data:
                try:
                    if isinstance(data_key, str):
                        data_key_len = len(data_key)
                        if data_key_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters", value=data_key, name="" + (name_prefix or "data") + "", definition={'minLength': 1}, rule='minLength')
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    data_property_names = False
            if not data_property_names:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be named by propertyName definition", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'Canonical name -> the list of its aliases.', 'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'array', 'items': {'type': 'string', 'minLength': 1}}}, rule='propertyNames')
    return data


validate = validate_https___factbench_example_schema_aliases_schema_json
