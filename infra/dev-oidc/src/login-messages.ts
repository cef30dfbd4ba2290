/** The languages of the login pages: German first, then the other national languages and English. */
export const LOCALES = ['de', 'fr', 'it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** What a login page can say; every language has every text. */
export interface LoginMessages {
  htmlLang: string;
  languageName: string;
  loginTitle: string;
  loginIntro: (realm: string) => string;
  username: string;
  password: string;
  submit: string;
  invalidCredentials: string;
  lockHint: string;
  accountDisabled: string;
  accountNotSetUp: string;
  missingFields: string;
  languages: string;
  errorTitle: string;
  /** Put before the page title when the form shows an error, so screen readers hear it first. */
  errorPrefix: string;
  loginExpired: string;
  cookieMissing: string;
  unknownClient: string;
  invalidRedirectUri: string;
  invalidParameter: (name: string) => string;
  logoutTitle: string;
  logoutQuestion: string;
  logoutSubmit: string;
  loggedOut: string;
}

export const MESSAGES: Record<Locale, LoginMessages> = {
  de: {
    htmlLang: 'de-CH',
    languageName: 'Deutsch',
    loginTitle: 'Anmelden',
    loginIntro: (realm) => `Melden Sie sich bei ${realm} an.`,
    username: 'Benutzername oder E-Mail',
    password: 'Passwort',
    submit: 'Anmelden',
    invalidCredentials: 'Benutzername oder Passwort ist falsch.',
    lockHint: 'Nach mehreren Fehlversuchen wird die Anmeldung für einige Minuten gesperrt.',
    accountDisabled: 'Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Administration.',
    accountNotSetUp: 'Dieses Konto ist noch nicht fertig eingerichtet. Bitte wenden Sie sich an die Administration.',
    missingFields: 'Bitte geben Sie Benutzername und Passwort ein.',
    languages: 'Sprache',
    errorTitle: 'Anmeldung nicht möglich',
    errorPrefix: 'Fehler',
    loginExpired: 'Die Anmeldung ist abgelaufen. Bitte kehren Sie zur Anwendung zurück und beginnen Sie erneut.',
    cookieMissing: 'Die Anmeldung braucht Cookies. Bitte erlauben Sie Cookies für diese Seite und beginnen Sie erneut.',
    unknownClient: 'Die Anwendung, die diese Anmeldung verlangt, ist nicht bekannt.',
    invalidRedirectUri: 'Die Rücksprungadresse der Anwendung ist nicht registriert (redirect_uri).',
    invalidParameter: (name) => `Ungültiger Parameter: ${name}`,
    logoutTitle: 'Abmelden',
    logoutQuestion: 'Möchten Sie sich abmelden?',
    logoutSubmit: 'Abmelden',
    loggedOut: 'Sie sind abgemeldet.',
  },
  fr: {
    htmlLang: 'fr-CH',
    languageName: 'Français',
    loginTitle: 'Connexion',
    loginIntro: (realm) => `Connectez-vous à ${realm}.`,
    username: "Nom d'utilisateur ou e-mail",
    password: 'Mot de passe',
    submit: 'Se connecter',
    invalidCredentials: "Nom d'utilisateur ou mot de passe incorrect.",
    lockHint: 'Après plusieurs tentatives infructueuses, la connexion est bloquée pendant quelques minutes.',
    accountDisabled: "Ce compte est désactivé. Veuillez vous adresser à l'administration.",
    accountNotSetUp: "Ce compte n'est pas encore entièrement configuré. Veuillez vous adresser à l'administration.",
    missingFields: "Veuillez saisir le nom d'utilisateur et le mot de passe.",
    languages: 'Langue',
    errorTitle: 'Connexion impossible',
    errorPrefix: 'Erreur',
    loginExpired: "La connexion a expiré. Veuillez retourner à l'application et recommencer.",
    cookieMissing: 'La connexion nécessite des cookies. Veuillez autoriser les cookies pour ce site et recommencer.',
    unknownClient: "L'application qui demande cette connexion est inconnue.",
    invalidRedirectUri: "L'adresse de retour de l'application n'est pas enregistrée (redirect_uri).",
    invalidParameter: (name) => `Paramètre invalide : ${name}`,
    logoutTitle: 'Déconnexion',
    logoutQuestion: 'Voulez-vous vous déconnecter ?',
    logoutSubmit: 'Se déconnecter',
    loggedOut: 'Vous êtes déconnecté.',
  },
  it: {
    htmlLang: 'it-CH',
    languageName: 'Italiano',
    loginTitle: 'Accesso',
    loginIntro: (realm) => `Accedete a ${realm}.`,
    username: 'Nome utente o e-mail',
    password: 'Password',
    submit: 'Accedi',
    invalidCredentials: 'Nome utente o password errati.',
    lockHint: "Dopo diversi tentativi falliti l'accesso viene bloccato per alcuni minuti.",
    accountDisabled: "Questo account è disattivato. Rivolgetevi all'amministrazione.",
    accountNotSetUp: "Questo account non è ancora completamente configurato. Rivolgetevi all'amministrazione.",
    missingFields: 'Inserite il nome utente e la password.',
    languages: 'Lingua',
    errorTitle: 'Accesso non possibile',
    errorPrefix: 'Errore',
    loginExpired: "L'accesso è scaduto. Tornate all'applicazione e ricominciate.",
    cookieMissing: "L'accesso richiede i cookie. Consentite i cookie per questo sito e ricominciate.",
    unknownClient: "L'applicazione che richiede questo accesso non è conosciuta.",
    invalidRedirectUri: "L'indirizzo di ritorno dell'applicazione non è registrato (redirect_uri).",
    invalidParameter: (name) => `Parametro non valido: ${name}`,
    logoutTitle: 'Disconnessione',
    logoutQuestion: 'Volete disconnettervi?',
    logoutSubmit: 'Disconnetti',
    loggedOut: 'Siete disconnessi.',
  },
  en: {
    htmlLang: 'en',
    languageName: 'English',
    loginTitle: 'Sign in',
    loginIntro: (realm) => `Sign in to ${realm}.`,
    username: 'Username or e-mail',
    password: 'Password',
    submit: 'Sign in',
    invalidCredentials: 'Invalid username or password.',
    lockHint: 'After several failed attempts, signing in is blocked for a few minutes.',
    accountDisabled: 'This account is disabled. Please contact the administration.',
    accountNotSetUp: 'This account is not fully set up yet. Please contact the administration.',
    missingFields: 'Please enter your username and password.',
    languages: 'Language',
    errorTitle: 'Sign-in not possible',
    errorPrefix: 'Error',
    loginExpired: 'The sign-in has expired. Please return to the application and start again.',
    cookieMissing: 'Signing in needs cookies. Please allow cookies for this site and start again.',
    unknownClient: 'The application asking for this sign-in is not known.',
    invalidRedirectUri: "The application's return address is not registered (redirect_uri).",
    invalidParameter: (name) => `Invalid parameter: ${name}`,
    logoutTitle: 'Sign out',
    logoutQuestion: 'Do you want to sign out?',
    logoutSubmit: 'Sign out',
    loggedOut: 'You are signed out.',
  },
};

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/**
 * The page language: an explicit choice (`kc_locale`, then OIDC's `ui_locales`, space-separated in
 * order of preference), then the browser's Accept-Language, then German.
 */
export function pickLocale(explicit: (string | null | undefined)[], acceptLanguage: string | undefined): Locale {
  const candidates = [
    ...explicit.flatMap((value) => (value ?? '').split(' ')),
    ...(acceptLanguage ?? '')
      .split(',')
      .map((part) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = Number(
          params
            .find((p) => p.trim().startsWith('q='))
            ?.trim()
            .slice(2) ?? '1',
        );
        return { tag, q: Number.isNaN(q) ? 0 : q };
      })
      .filter((entry) => entry.q > 0)
      .sort((a, b) => b.q - a.q)
      .map((entry) => entry.tag),
  ];
  for (const candidate of candidates) {
    const primary = candidate.trim().toLowerCase().split('-')[0] ?? '';
    if (isLocale(primary)) return primary;
  }
  return 'de';
}
