# Generated from gold/schema/prices.schema.json by python -m bench.data.compile_schemas: do not edit.
# ruff: noqa
# mypy: ignore-errors
VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}\\Z')
}

NoneType = type(None)

def validate_https___factbench_example_schema_prices_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/prices.schema.json', 'title': 'Prices of model tokens, per million tokens, by model name', 'description': "Read by the llm baseline's --param prices=FILE (or $BENCH_LLM_PRICES): the run's model is looked up in models. input: prompt tokens; output: completion tokens; cached: prompt tokens the server took from its prompt cache (absent: billed as input).", 'type': 'object', 'properties': {'date': {'description': 'When the prices were read from their source (ISO 8601: YYYY-MM-DD).', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'source': {'description': 'Where the prices come from: a URL or a sentence.', 'type': 'string', 'minLength': 1}, 'currency': {'description': "The prices' currency, e.g. USD (absent: unstated).", 'type': 'string', 'minLength': 1}, 'models': {'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'object', 'properties': {'input': {'type': 'number', 'minimum': 0}, 'output': {'type': 'number', 'minimum': 0}, 'cached': {'type': 'number', 'minimum': 0}}, 'required': ['input', 'output'], 'additionalProperties': False}}}, 'required': ['date', 'source', 'models'], 'additionalProperties': False}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['date', 'source', 'models']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/prices.schema.json', 'title': 'Prices of model tokens, per million tokens, by model name', 'description': "Read by the llm baseline's --param prices=FILE (or $BENCH_LLM_PRICES): the run's model is looked up in models. input: prompt tokens; output: completion tokens; cached: prompt tokens the server took from its prompt cache (absent: billed as input).", 'type': 'object', 'properties': {'date': {'description': 'When the prices were read from their source (ISO 8601: YYYY-MM-DD).', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'source': {'description': 'Where the prices come from: a URL or a sentence.', 'type': 'string', 'minLength': 1}, 'currency': {'description': "The prices' currency, e.g. USD (absent: unstated).", 'type': 'string', 'minLength': 1}, 'models': {'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'object', 'properties': {'input': {'type': 'number', 'minimum': 0}, 'output': {'type': 'number', 'minimum': 0}, 'cached': {'type': 'number', 'minimum': 0}}, 'required': ['input', 'output'], 'additionalProperties': False}}}, 'required': ['date', 'source', 'models'], 'additionalProperties': False}, rule='required')
        data_keys = set(data.keys())
        if "date" in data_keys:
            data_keys.remove("date")
            data__date = data["date"]
            if not isinstance(data__date, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must be string", value=data__date, name="" + (name_prefix or "data") + ".date", definition={'description': 'When the prices were read from their source (ISO 8601: YYYY-MM-DD).', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, rule='type')
            if isinstance(data__date, str):
                if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}$'].search(data__date):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".date must match pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$", value=data__date, name="" + (name_prefix or "data") + ".date", definition={'description': 'When the prices were read from their source (ISO 8601: YYYY-MM-DD).', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, rule='pattern')
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            if not isinstance(data__source, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be string", value=data__source, name="" + (name_prefix or "data") + ".source", definition={'description': 'Where the prices come from: a URL or a sentence.', 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__source, str):
                data__source_len = len(data__source)
                if data__source_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be longer than or equal to 1 characters", value=data__source, name="" + (name_prefix or "data") + ".source", definition={'description': 'Where the prices come from: a URL or a sentence.', 'type': 'string', 'minLength': 1}, rule='minLength')
        if "currency" in data_keys:
            data_keys.remove("currency")
            data__currency = data["currency"]
            if not isinstance(data__currency, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".currency must be string", value=data__currency, name="" + (name_prefix or "data") + ".currency", definition={'description': "The prices' currency, e.g. USD (absent: unstated).", 'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__currency, str):
                data__currency_len = len(data__currency)
                if data__currency_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".currency must be longer than or equal to 1 characters", value=data__currency, name="" + (name_prefix or "data") + ".currency", definition={'description': "The prices' currency, e.g. USD (absent: unstated).", 'type': 'string', 'minLength': 1}, rule='minLength')
        if "models" in data_keys:
            data_keys.remove("models")
            data__models = data["models"]
            if not isinstance(data__models, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".models must be object", value=data__models, name="" + (name_prefix or "data") + ".models", definition={'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'object', 'properties': {'input': {'type': 'number', 'minimum': 0}, 'output': {'type': 'number', 'minimum': 0}, 'cached': {'type': 'number', 'minimum': 0}}, 'required': ['input', 'output'], 'additionalProperties': False}}, rule='type')
            data__models_is_dict = isinstance(data__models, dict)
            if data__models_is_dict:
                data__models_keys = set(data__models.keys())
                for data__models_key in data__models_keys:
                    if data__models_key not in []:
                        data__models_value = data__models.get(data__models_key)
                        if not isinstance(data__models_value, (dict)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".models.{data__models_key}".format(**locals()) + " must be object", value=data__models_value, name="" + (name_prefix or "data") + ".models.{data__models_key}".format(**locals()) + "", definition={'type': 'object', 'properties': {'input': {'type': 'number', 'minimum': 0}, 'output': {'type': 'number', 'minimum': 0}, 'cached': {'type': 'number', 'minimum': 0}}, 'required': ['input', 'output'], 'additionalProperties': False}, rule='type')
                        data__models_value_is_dict = isinstance(data__models_value, dict)
                        if data__models_value_is_dict:
                            data__models_value__missing_keys = set(['input', 'output']) - data__models_value.keys()
                            if data__models_value__missing_keys:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".models.{data__models_key}".format(**locals()) + " must contain " + (str(sorted(data__models_value__missing_keys)) + " properties"), value=data__models_value, name="" + (name_prefix or "data") + ".models.{data__models_key}".format(**locals()) + "", definition={'type': 'object', 'properties': {'input': {'type': 'number', 'minimum': 0}, 'output': {'type': 'number', 'minimum': 0}, 'cached': {'type': 'number', 'minimum': 0}}, 'required': ['input', 'output'], 'additionalProperties': False}, rule='required')
                            data__models_value_keys = set(data__models_value.keys())
                            if "input" in data__models_value_keys:
                                data__models_value_keys.remove("input")
                                data__models_value__input = data__models_value["input"]
                                if not isinstance(data__models_value__input, (int, float, Decimal)) or isinstance(data__models_value__input, bool):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".models.{data__models_key}.input".format(**locals()) + " must be number", value=data__models_value__input, name="" + (name_prefix or "data") + ".models.{data__models_key}.input".format(**locals()) + "", definition={'type': 'number', 'minimum': 0}, rule='type')
                                if isinstance(data__models_value__input, (int, float, Decimal)) and not isinstance(data__models_value__input, bool):
                                    if data__models_value__input < 0:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".models.{data__models_key}.input".format(**locals()) + " must be bigger than or equal to 0", value=data__models_value__input, name="" + (name_prefix or "data") + ".models.{data__models_key}.input".format(**locals()) + "", definition={'type': 'number', 'minimum': 0}, rule='minimum')
                            if "output" in data__models_value_keys:
                                data__models_value_keys.remove("output")
                                data__models_value__output = data__models_value["output"]
                                if not isinstance(data__models_value__output, (int, float, Decimal)) or isinstance(data__models_value__output, bool):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".models.{data__models_key}.output".format(**locals()) + " must be number", value=data__models_value__output, name="" + (name_prefix or "data") + ".models.{data__models_key}.output".format(**locals()) + "", definition={'type': 'number', 'minimum': 0}, rule='type')
                                if isinstance(data__models_value__output, (int, float, Decimal)) and not isinstance(data__models_value__output, bool):
                                    if data__models_value__output < 0:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".models.{data__models_key}.output".format(**locals()) + " must be bigger than or equal to 0", value=data__models_value__output, name="" + (name_prefix or "data") + ".models.{data__models_key}.output".format(**locals()) + "", definition={'type': 'number', 'minimum': 0}, rule='minimum')
                            if "cached" in data__models_value_keys:
                                data__models_value_keys.remove("cached")
                                data__models_value__cached = data__models_value["cached"]
                                if not isinstance(data__models_value__cached, (int, float, Decimal)) or isinstance(data__models_value__cached, bool):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".models.{data__models_key}.cached".format(**locals()) + " must be number", value=data__models_value__cached, name="" + (name_prefix or "data") + ".models.{data__models_key}.cached".format(**locals()) + "", definition={'type': 'number', 'minimum': 0}, rule='type')
                                if isinstance(data__models_value__cached, (int, float, Decimal)) and not isinstance(data__models_value__cached, bool):
                                    if data__models_value__cached < 0:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".models.{data__models_key}.cached".format(**locals()) + " must be bigger than or equal to 0", value=data__models_value__cached, name="" + (name_prefix or "data") + ".models.{data__models_key}.cached".format(**locals()) + "", definition={'type': 'number', 'minimum': 0}, rule='minimum')
                            if data__models_value_keys:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".models.{data__models_key}".format(**locals()) + " must not contain "+str(data__models_value_keys)+" properties", value=data__models_value, name="" + (name_prefix or "data") + ".models.{data__models_key}".format(**locals()) + "", definition={'type': 'object', 'properties': {'input': {'type': 'number', 'minimum': 0}, 'output': {'type': 'number', 'minimum': 0}, 'cached': {'type': 'number', 'minimum': 0}}, 'required': ['input', 'output'], 'additionalProperties': False}, rule='additionalProperties')
                data__models_len = len(data__models)
                if data__models_len != 0:
                    data__models_property_names = True
                    for data__models_key in data__models:
                        try:
                            if isinstance(data__models_key, str):
                                data__models_key_len = len(data__models_key)
                                if data__models_key_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".models must be longer than or equal to 1 characters", value=data__models_key, name="" + (name_prefix or "data") + ".models", definition={'minLength': 1}, rule='minLength')
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            data__models_property_names = False
                    if not data__models_property_names:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".models must be named by propertyName definition", value=data__models, name="" + (name_prefix or "data") + ".models", definition={'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'object', 'properties': {'input': {'type': 'number', 'minimum': 0}, 'output': {'type': 'number', 'minimum': 0}, 'cached': {'type': 'number', 'minimum': 0}}, 'required': ['input', 'output'], 'additionalProperties': False}}, rule='propertyNames')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://factbench.example/schema/prices.schema.json', 'title': 'Prices of model tokens, per million tokens, by model name', 'description': "Read by the llm baseline's --param prices=FILE (or $BENCH_LLM_PRICES): the run's model is looked up in models. input: prompt tokens; output: completion tokens; cached: prompt tokens the server took from its prompt cache (absent: billed as input).", 'type': 'object', 'properties': {'date': {'description': 'When the prices were read from their source (ISO 8601: YYYY-MM-DD).', 'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'source': {'description': 'Where the prices come from: a URL or a sentence.', 'type': 'string', 'minLength': 1}, 'currency': {'description': "The prices' currency, e.g. USD (absent: unstated).", 'type': 'string', 'minLength': 1}, 'models': {'type': 'object', 'propertyNames': {'minLength': 1}, 'additionalProperties': {'type': 'object', 'properties': {'input': {'type': 'number', 'minimum': 0}, 'output': {'type': 'number', 'minimum': 0}, 'cached': {'type': 'number', 'minimum': 0}}, 'required': ['input', 'output'], 'additionalProperties': False}}}, 'required': ['date', 'source', 'models'], 'additionalProperties': False}, rule='additionalProperties')
    return data


validate = validate_https___factbench_example_schema_prices_schema_json
