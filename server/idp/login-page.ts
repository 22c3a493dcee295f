/**
 * The local identity provider's sign-in page: plain HTML, no script, every input labelled, and a
 * wrong email or password said beside the field it concerns (aria-invalid + aria-describedby), so a
 * screen-reader user hears why as they land on it. The test driver (tests/support/team/idp.ts) submits
 * this very form, so its field names are part of what the tests rely on.
 */

export interface LoginPageInput {
  /** Where the form posts (the interaction's login route). */
  action: string;
  /** The email typed last time, kept so the person does not type it again. */
  email?: string;
  /** Shown beside the password field when the last attempt failed. */
  error?: string;
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1d1d1d; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { display: block; width: 100%; padding: .5rem; font-size: 1rem; box-sizing: border-box; }
  input[aria-invalid="true"] { border: 2px solid #b00020; }
  .error { color: #b00020; margin: .25rem 0 0; }
  button { margin-top: 1.5rem; padding: .6rem 1.2rem; font-size: 1rem; }
`;

export function loginPage(input: LoginPageInput): string {
  const invalid = input.error !== undefined;
  const errorId = 'password-error';
  const described = invalid ? ` aria-invalid="true" aria-describedby="${errorId}"` : '';
  const error = invalid ? `<p class="error" id="${errorId}" role="alert">${escapeHtml(input.error!)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to THRIVE Plans</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Sign in to THRIVE Plans</h1>
<p>This is the local trial's sign-in page. Its accounts are fictional.</p>
<form method="post" action="${escapeHtml(input.action)}" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(input.email ?? '')}"${described}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${described}>
${error}
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`;
}
