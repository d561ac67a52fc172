"""Read and type a plan: YAML files -> checked model, with every problem located."""
