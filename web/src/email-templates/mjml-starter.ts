/** What a new template starts from: a heading, a merged greeting, a button link and the preference link. */
export const mjmlStarter = `<mjml>
  <mj-head>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="24px" color="#1f2933" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f5f7">
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="24px" font-weight="700">Hello {{ contact.firstName | default: "there" }},</mj-text>
        <mj-text>Here is what is new at {{ workspace.name | default: "our company" }} this month.</mj-text>
        <mj-button href="https://www.example.com" background-color="#228be6">Read more</mj-button>
      </mj-column>
    </mj-section>
    <mj-section padding="12px">
      <mj-column>
        <mj-text font-size="12px" color="#6b7280" align="center">
          <a href="{{ preferences_url }}">Email preferences</a> · <a href="{{ unsubscribe_url }}">Unsubscribe</a>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;
