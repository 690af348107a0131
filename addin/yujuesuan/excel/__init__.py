"""The Excel shell: xlwings UDFs (and, to come, ribbon handlers). Thin adapters over the core."""
