import type { itReports } from './it-reports';

/** English strings of the printable documents (the documents themselves stay in Italian: they are official). */
export const enReports: typeof itReports = {
  reportDocs: {
    title: 'Documents to print',
    intro: 'The PDF is downloaded (in the browser) or saved where you choose (in the program). The preview shows the document below; the HTML opens in any browser and prints.',
    planHeading: 'Plan document',
    statementHeading: 'Statement of a municipality',
    ownStatementHeading: 'The municipality’s statement',
    member: 'Municipality of the statement',
    pdf: 'Download the PDF',
    pdfPlan: 'Download the plan PDF',
    pdfStatement: 'Download the statement PDF',
    preview: 'Preview',
    previewPlan: 'Preview of the plan',
    previewStatement: 'Preview of the statement',
    html: 'Save as HTML',
    htmlPlan: 'Save the plan as HTML',
    htmlStatement: 'Save the statement as HTML',
    working: 'Preparing the document…',
    pdfDownloaded: 'PDF downloaded: {{name}} (in the browser’s Downloads folder).',
    pdfSaved: 'PDF saved: {{name}}',
    htmlSaved: 'Document saved: {{name}}',
    previewTitle: 'Preview: {{title}}',
    previewLabel: 'Preview of the document',
    closePreview: 'Close the preview',
    print: 'Print',
    csv: {
      ranking: 'Export the ranking as CSV',
      approvals: 'Export the approval path as CSV',
      ballots: 'Export each voter’s vote as CSV',
      report: 'Export the report as CSV',
    },
    errors: {
      pdf_no_browser:
        'To create the PDF on this computer Google Chrome, Microsoft Edge or Chromium is needed. Install one, or open the preview and print it, or save the document as HTML and print it from the browser.',
      pdf_print_failed: 'The PDF was not created. Try again; meanwhile open the preview and print it, or save the document as HTML.',
      pdf_print_timeout: 'Creating the PDF did not answer in time. Try again; if it happens again, open the preview and print it.',
      pdf_write_failed: 'The PDF could not be written to {{path}}: check that the folder exists and can be written.',
      statement_missing: 'The {{year}} statement of municipality {{istat}} is not here yet: the plan must be approved by the Assembly and the consortium’s bundle imported.',
    },
  },
};
