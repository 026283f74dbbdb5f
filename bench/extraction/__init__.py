"""Running extractors: the extractor protocol and its output check, the registry, the runner."""
