import type { FieldDefinition } from '../custom-fields/field-definition';
import {
  type ContactFieldTarget,
  consentFieldName,
  consentVersionFieldName,
  customFieldTargetPrefix,
  type Form,
  type FormEmbed,
  formSubmitPath,
  pageUrlFieldName,
  referrerFieldName,
  utmFieldNames,
} from './form';
import { escapeHtml } from './html-page';

const contactInputs: Record<ContactFieldTarget, { label: string; type: string; autocomplete: string }> = {
  email: { label: 'Email', type: 'email', autocomplete: 'email' },
  firstName: { label: 'First name', type: 'text', autocomplete: 'given-name' },
  lastName: { label: 'Last name', type: 'text', autocomplete: 'family-name' },
  phone: { label: 'Phone', type: 'tel', autocomplete: 'tel' },
  jobTitle: { label: 'Job title', type: 'text', autocomplete: 'organization-title' },
};

const customInputTypes: Record<FieldDefinition['type'], string> = {
  text: 'text',
  number: 'number',
  date: 'date',
  select: 'select',
  boolean: 'checkbox',
};

const attribute = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;

function fieldHtml(form: Form, field: Form['fields'][number], definitions: Map<string, FieldDefinition>) {
  const inputId = `scf-${form.id.split('.')[1]}-${field.name}`;
  const required = field.required || field.target === 'email' ? ' required' : '';
  const custom = field.target.startsWith(customFieldTargetPrefix)
    ? definitions.get(field.target.slice(customFieldTargetPrefix.length))
    : undefined;
  const standard = custom ? undefined : contactInputs[field.target as ContactFieldTarget];
  const label = escapeHtml(field.label ?? custom?.label ?? standard?.label ?? field.name);
  const type = custom ? customInputTypes[custom.type] : (standard?.type ?? 'text');
  if (type === 'checkbox') {
    return `  <p><label><input type="checkbox"${attribute('name', field.name)}${required}> ${label}</label></p>`;
  }
  if (type === 'select') {
    const options = (custom?.options ?? [])
      .map((option) => `<option${attribute('value', option)}>${escapeHtml(option)}</option>`)
      .join('');
    return `  <p><label${attribute('for', inputId)}>${label}</label><br><select${attribute('id', inputId)}${attribute('name', field.name)}${required}><option value=""></option>${options}</select></p>`;
  }
  const autocomplete = standard ? attribute('autocomplete', standard.autocomplete) : '';
  return `  <p><label${attribute('for', inputId)}>${label}</label><br><input${attribute('id', inputId)}${attribute('type', type)}${attribute('name', field.name)}${autocomplete}${required}></p>`;
}

/**
 * The HTML a site pastes where the form should appear: a plain urlencoded POST (no JavaScript needed to
 * submit), the honeypot moved off screen and out of the tab order, the consent checkbox with its text and
 * version, and a few lines of inline script that fill the hidden UTM, page and referrer inputs from the
 * visitor's page. Every value from settings is escaped.
 */
export function embedSnippet(
  form: Form,
  definitions: readonly FieldDefinition[],
  apiBaseUrl: string,
): FormEmbed {
  const byKey = new Map(
    definitions.filter((item) => item.entity === 'contact').map((item) => [item.key, item]),
  );
  const action = `${apiBaseUrl}${formSubmitPath(form.id)}`;
  const elementId = `seed-crm-form-${form.id.split('.')[1]}`;
  const tracking = [...utmFieldNames, pageUrlFieldName, referrerFieldName];
  const lines = [
    `<form${attribute('id', elementId)} method="post"${attribute('action', action)} accept-charset="UTF-8">`,
    ...form.fields.map((field) => fieldHtml(form, field, byKey)),
    // people never see or reach the honeypot; a bot that fills every input in gives itself away
    `  <div aria-hidden="true" style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden"><label>Leave this empty <input type="text"${attribute('name', form.honeypotField)} tabindex="-1" autocomplete="off" value=""></label></div>`,
    ...(form.consent
      ? [
          `  <p><label><input type="checkbox"${attribute('name', consentFieldName)}${form.consent.required ? ' required' : ''}> ${escapeHtml(form.consent.text)}</label></p>`,
          `  <input type="hidden"${attribute('name', consentVersionFieldName)}${attribute('value', form.consent.version)}>`,
        ]
      : []),
    ...tracking.map((name) => `  <input type="hidden"${attribute('name', name)} value="">`),
    '  <p><button type="submit">Send</button></p>',
    '</form>',
    '<script>',
    '(function () {',
    `  var form = document.getElementById(${JSON.stringify(elementId)});`,
    '  if (!form) return;',
    '  var query = new URLSearchParams(window.location.search);',
    `  ${JSON.stringify(utmFieldNames)}.forEach(function (name) {`,
    '    var value = query.get(name);',
    '    if (value) form.elements[name].value = value;',
    '  });',
    `  form.elements[${JSON.stringify(pageUrlFieldName)}].value = window.location.href;`,
    `  form.elements[${JSON.stringify(referrerFieldName)}].value = document.referrer;`,
    '})();',
    '</script>',
  ];
  return { formId: form.id, action, html: `${lines.join('\n')}\n` };
}
