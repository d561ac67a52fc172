"""Change files safely: record observations, atomic writes, the folder lock."""
