/**
 * The settings: Gloss on or off everywhere and for the current site (applied to the open tab at
 * once), every occurrence or only the first, hover delay, mark style and theme.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageTerms } from '../shared/messages';
import { HOVER_DELAY_RANGE, type Settings } from '../store/settings';
import type { SettingsUpdate } from '../store/settings-update';

export interface SettingsPanelProps {
  settings: Settings;
  page: PageTerms | null;
  error: string | null;
  /** Stored settings that could not be read, by name. */
  unread?: string[];
  /** False on the options page, which belongs to no site and lists the sites switched off. */
  siteSwitch?: boolean;
  onUpdate(update: SettingsUpdate): void;
  /** Opens the options page's fact packs (absent on the options page itself). */
  onManagePacks?: () => void;
}

interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
  /** A sample of the mark style, drawn as on pages. */
  sample?: 'underline' | 'background';
}

function Choices<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  choices: Choice<T>[];
  onChange(value: T): void;
}) {
  return (
    <fieldset class="setting choices">
      <legend>{props.legend}</legend>
      {props.choices.map((c) => (
        <label key={c.value} class="choice">
          <input
            type="radio"
            name={props.name}
            value={c.value}
            checked={props.value === c.value}
            onChange={() => props.onChange(c.value)}
          />
          <span>
            {c.label}
            {c.hint ? <span class="hint"> {c.hint}</span> : null}
            {c.sample ? (
              <span class={`mark-sample ${c.sample}`} aria-hidden="true">
                INSTC
              </span>
            ) : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function Switch(props: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange(on: boolean): void;
}) {
  return (
    <div class="setting switch-row">
      <label for={props.id}>
        {props.label}
        {props.hint ? <span class="hint">{props.hint}</span> : null}
      </label>
      <input
        id={props.id}
        type="checkbox"
        role="switch"
        class="switch"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
    </div>
  );
}

/** The Settings tab. */
export function SettingsPanel(props: SettingsPanelProps) {
  const { settings, page, error, unread, onUpdate, siteSwitch = true } = props;
  const host = page?.host ?? '';
  const siteOn = !!host && !settings.disabledSites.includes(host);
  // The slider shows its value while it moves; the setting is written when it is let go.
  const [delay, setDelay] = useState(settings.hoverDelay);
  useEffect(() => setDelay(settings.hoverDelay), [settings.hoverDelay]);
  return (
    <section class="settings-view" aria-labelledby="settings-title">
      <h2 id="settings-title" class="view-title">
        Settings
      </h2>
      <div role="alert">{error ? <p class="message error">{error}</p> : null}</div>
      {unread && unread.length > 0 ? (
        <p class="notice" role="note">
          Some saved settings could not be read ({unread.join(', ')}). Gloss uses its defaults for
          them and keeps the stored values aside, untouched.
        </p>
      ) : null}
      <Switch
        id="setting-enabled"
        label="Mark terms on pages"
        hint="Everywhere"
        checked={settings.enabled}
        onChange={(enabled) => onUpdate({ enabled })}
      />
      {siteSwitch ? (
        <Switch
          id="setting-site"
          label={host ? `On for ${host}` : 'On for this site'}
          hint={host ? undefined : 'Gloss does not run on this page'}
          checked={siteOn}
          disabled={!host}
          onChange={(enabled) => onUpdate({ site: { host, enabled } })}
        />
      ) : null}
      <Switch
        id="setting-badge"
        label="Count terms on the toolbar button"
        hint="How many different terms the page has"
        checked={settings.badge}
        onChange={(badge) => onUpdate({ badge })}
      />
      <Choices
        name="markMode"
        legend="Mark"
        value={settings.markMode}
        choices={[
          { value: 'all', label: 'Every occurrence' },
          { value: 'first', label: 'Only the first of each term' },
        ]}
        onChange={(markMode) => onUpdate({ markMode })}
      />
      <div class="setting range-row">
        <label for="setting-delay">Hover delay</label>
        <input
          id="setting-delay"
          type="range"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          value={delay}
          aria-valuetext={`${delay} milliseconds`}
          onInput={(e) => setDelay(Number(e.currentTarget.value))}
          onChange={(e) => onUpdate({ hoverDelay: Number(e.currentTarget.value) })}
        />
        <output for="setting-delay">{delay} ms</output>
      </div>
      <Choices
        name="style"
        legend="Style of marks"
        value={settings.style}
        choices={[
          { value: 'underline', label: 'Underline', sample: 'underline' },
          { value: 'background', label: 'Background', sample: 'background' },
        ]}
        onChange={(style) => onUpdate({ style })}
      />
      <Choices
        name="theme"
        legend="Theme"
        value={settings.theme}
        choices={[
          { value: 'system', label: 'System', hint: '(follows your device)' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
        onChange={(theme) => onUpdate({ theme })}
      />
      {props.onManagePacks ? (
        <button type="button" class="button" onClick={props.onManagePacks}>
          Fact packs…
        </button>
      ) : null}
      <p class="footnote">Gloss works offline: it sends nothing anywhere.</p>
    </section>
  );
}
