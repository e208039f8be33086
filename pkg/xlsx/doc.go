// Package xlsx reads and writes Excel workbooks (.xlsx). It is the only
// package that imports github.com/xuri/excelize/v2, so the spreadsheet
// library can be replaced by changing this package alone; nothing here
// knows about pay.
//
// # Reading
//
// Read turns a worksheet into rows of text, one string per cell, taken from
// the value the cell stores, never from the text Excel shows for it: a
// column formatted to show "£25,524" still reads as the 25524.1 it holds.
// The rules (Sheet.Rows):
//
//   - A number cell reads as the shortest decimal that converts back to the
//     same binary number: 25524.1 stored as 25524.099999999998545 reads
//     "25524.1", and a formula result of 0.1+0.2 reads
//     "0.30000000000000004", so a caller validating decimals sees (and can
//     refuse) a value with more places than anyone typed.
//   - A number formatted as a percentage reads as that decimal × 100 with
//     "%": 0.035 shown as 3.5% reads "3.5%" (exact: the decimal is shifted,
//     not multiplied in binary).
//   - A number formatted as a date (Excel's dates are day counts) reads as
//     an ISO date, "2025-04-01"; a date with a time of day as
//     "2025-04-01 12:00:00", which no date column accepts.
//   - Text reads as it is; TRUE and FALSE read as "TRUE" and "FALSE".
//   - A formula reads as the result saved with the workbook. A formula with
//     no saved result, and a cell holding an error such as #N/A, are
//     Problems naming the cell, and read as "". (A formula typed as text
//     with an empty result reads as "": that is how a spreadsheet saves an
//     empty text result, and it cannot be told from none.)
//
// Read also reports the sheet's merged ranges and hidden rows and columns,
// for the caller to refuse or accept.
//
// # Writing
//
// Write turns report.Tables into a workbook, one sheet per table, with the
// same rows and columns as their CSV form and the same values: see Write.
package xlsx
