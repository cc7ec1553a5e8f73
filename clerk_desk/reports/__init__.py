"""The supervisor's reports (日报) as files: the Excel workbook, the printed paper, the files
made together for the CLI, the 统计 workspace and the daily schedule."""
