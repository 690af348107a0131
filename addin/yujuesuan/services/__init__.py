"""One function per user action, shared by the CLI and the Excel ribbon."""

from yujuesuan.services.check import check_workbook

__all__ = ["check_workbook"]
