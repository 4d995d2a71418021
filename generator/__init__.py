"""legalgen: consolidated versions of legal programmes with generated amendment notes."""
