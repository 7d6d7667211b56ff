"""Reading articles: spaCy pipelines with the domain pack, mention repair, time, events."""
