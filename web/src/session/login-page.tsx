/** The login page: username and password, errors said plainly, the language switch. */
import { useState } from "react";
import { Button, FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/problem.ts";
import { LanguageSwitch } from "../ui/language-switch.tsx";
import { ProblemMessage } from "../ui/problem-message.tsx";
import { useLogin } from "./session.ts";

/** Asks for the caller's credentials. */
export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const wrong = login.error instanceof ApiError && login.error.code === "auth.invalid_credentials";
  return (
    <div className="login-layout">
      <header className="banner">
        <p className="brand">
          <span className="brand-name">{t("Drawdown")}</span> <span className="brand-body">{t("Joint Disengagement Commission")}</span>
        </p>
        <LanguageSwitch />
      </header>
      <main id="main" className="login">
        <h1>{t("Log in")}</h1>
        <p>{t("Both delegations work on this one record. Log in with the account your delegation gave you.")}</p>
        <Form
          className="login-form"
          onSubmit={(e) => {
            e.preventDefault();
            login.mutate({ username: username.trim(), password });
          }}
        >
          <TextField name="username" isRequired autoComplete="username" value={username} onChange={setUsername} className="field">
            <Label>{t("Username")}</Label>
            <Input />
            <FieldError>{t("Enter your username.")}</FieldError>
          </TextField>
          <TextField name="password" type="password" isRequired autoComplete="current-password" value={password} onChange={setPassword} className="field">
            <Label>{t("Password")}</Label>
            <Input />
            <FieldError>{t("Enter your password.")}</FieldError>
          </TextField>
          {wrong ? (
            <p className="problem" role="alert">
              {t("Wrong username or password, or the account is disabled.")}
            </p>
          ) : (
            login.error !== null && <ProblemMessage error={login.error} />
          )}
          <Button type="submit" className="button button-primary" isDisabled={login.isPending}>
            {login.isPending ? t("Logging in…") : t("Log in")}
          </Button>
        </Form>
      </main>
    </div>
  );
}
