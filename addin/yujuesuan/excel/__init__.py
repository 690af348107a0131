"""The Excel shell: xlwings UDFs (``udfs``), the 预决算 ribbon handlers (``ribbon``) over the ``Book``
port (``port``) and its two adapters (``live_book`` for xlwings, ``file_book`` for openpyxl)."""
