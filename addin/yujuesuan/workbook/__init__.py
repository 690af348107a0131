"""The only layer that knows cells: openpyxl reading (and later writing) of workbooks."""
