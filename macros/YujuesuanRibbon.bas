Attribute VB_Name = "YujuesuanRibbon"
' Callbacks of the ribbon tab in customUI.xml. Each calls one handler of
' yujuesuan.excel.ribbon through xlwings' RunPython; all logic is in Python.
' ASCII only: VBA stores module text in the code page of the Excel installation.
Option Explicit

Sub YjsFillNames(control As IRibbonControl)
    RunPython "import yujuesuan.excel.ribbon as r; r.fill_names()"
End Sub

Sub YjsRebuild(control As IRibbonControl)
    RunPython "import yujuesuan.excel.ribbon as r; r.rebuild()"
End Sub

Sub YjsCheck(control As IRibbonControl)
    RunPython "import yujuesuan.excel.ribbon as r; r.check()"
End Sub

Sub YjsClearMarks(control As IRibbonControl)
    RunPython "import yujuesuan.excel.ribbon as r; r.clear_marks()"
End Sub

Sub YjsAbout(control As IRibbonControl)
    RunPython "import yujuesuan.excel.ribbon as r; r.about()"
End Sub
