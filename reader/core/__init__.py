"""Qt-free core: documents, loaders, Kazakh language tools, NER, search, annotations, store."""
