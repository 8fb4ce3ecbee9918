"""archives/frus: Foreign Relations of the United States."""
