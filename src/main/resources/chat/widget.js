/*
 * The Switchboard web chat widget. Embed with one tag on any page:
 *   <script src="https://your-server/chat/widget.js" async></script>
 * It finds its server from its own address, loads its style sheet from there and talks over a
 * WebSocket. The chat survives a page reload or a short network loss: a token kept in this tab's
 * sessionStorage takes the same conversation up again.
 */
(function () {
  'use strict';
  if (window.__switchboardChat) {
    return;
  }
  window.__switchboardChat = true;

  var TEXT = {
    launcher: 'Chat with us',
    title: 'Chat with us',
    minimise: 'Minimise chat',
    intro: 'Ask us anything. We usually answer within a few minutes.',
    name: 'Your name',
    email: 'E-mail (optional)',
    start: 'Start chat',
    nameRequired: 'Please enter your name.',
    emailInvalid: 'Please enter a valid e-mail address, or leave it empty.',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    cannotConnect: 'The chat cannot be reached right now. Please try again in a moment.',
    waiting: 'Thanks! An agent will be with you shortly.',
    chattingWith: 'You are chatting with {name}',
    isTyping: '{name} is typing…',
    messages: 'Messages',
    you: 'You',
    message: 'Your message',
    placeholder: 'Type a message and press Enter',
    send: 'Send',
    endChat: 'End chat',
    ended: 'Chat ended',
    endedDefault: 'The chat has ended.',
    restart: 'Start a new chat',
    tooLong: 'A message can have at most 4000 characters.'
  };
  var MAX_TEXT = 4000;
  var TYPING_REPEAT_MS = 3000;
  var TYPING_IDLE_MS = 4000;
  var AGENT_TYPING_TIMEOUT_MS = 30000;
  var PAGE_CHECK_MS = 1000;
  var STATUS_BRIEF_MS = 6000;
  var KEY = { token: 'sbw.token', name: 'sbw.name', open: 'sbw.open', pending: 'sbw.pending' };

  var script = document.currentScript || document.querySelector('script[src*="/chat/widget.js"]');
  var origin = new URL(script ? script.src : '/chat/widget.js', location.href).origin;
  var socketUrl = origin.replace(/^http/, 'ws') + '/chat/ws';

  var store = {
    get: function (k) { try { return sessionStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { sessionStorage.setItem(k, v); } catch (e) { /* private mode: no resume */ } },
    remove: function (k) { try { sessionStorage.removeItem(k); } catch (e) { /* nothing kept */ } }
  };

  var state = {
    socket: null,
    token: store.get(KEY.token),
    chatting: false,
    starting: null,
    retries: 0,
    retryTimer: null,
    pending: readPending(),
    shown: {},
    typingSentAt: 0,
    typingOn: false,
    typingTimer: null,
    agentTypingTimer: null,
    statusTimer: null,
    page: location.href
  };

  function readPending() {
    try { return JSON.parse(store.get(KEY.pending) || '[]'); } catch (e) { return []; }
  }

  function savePending() {
    store.set(KEY.pending, JSON.stringify(state.pending));
  }

  function say(template, name) {
    return template.replace('{name}', name);
  }

  // building the widget

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') {
        node.textContent = attrs[k];
      } else if (attrs[k] === true) {
        node.setAttribute(k, '');
      } else if (attrs[k] !== false && attrs[k] != null) {
        node.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  var ui = {};
  function build() {
    var css = el('link', { rel: 'stylesheet', href: origin + '/chat/widget.css' });
    document.head.appendChild(css);

    ui.launcher = el('button', { type: 'button', id: 'sbw-launcher', 'class': 'sbw-launcher',
      'aria-expanded': 'false', 'aria-controls': 'sbw-panel', text: TEXT.launcher });
    ui.close = el('button', { type: 'button', id: 'sbw-close', 'class': 'sbw-icon',
      'aria-label': TEXT.minimise, title: TEXT.minimise, text: '\u2013' });
    ui.status = el('p', { id: 'sbw-status', 'class': 'sbw-status', role: 'status', 'aria-live': 'polite' });

    ui.name = el('input', { id: 'sbw-name', 'class': 'sbw-field', type: 'text', maxlength: '100',
      autocomplete: 'name', required: true });
    ui.email = el('input', { id: 'sbw-email', 'class': 'sbw-field', type: 'email', maxlength: '254',
      autocomplete: 'email' });
    ui.formError = el('p', { id: 'sbw-form-error', 'class': 'sbw-error', role: 'alert' });
    ui.start = el('button', { type: 'submit', id: 'sbw-start', 'class': 'sbw-button', text: TEXT.start });
    ui.form = el('form', { id: 'sbw-form', 'class': 'sbw-form', novalidate: true }, [
      el('p', { 'class': 'sbw-intro', text: TEXT.intro }),
      el('label', { 'for': 'sbw-name', 'class': 'sbw-label', text: TEXT.name }), ui.name,
      el('label', { 'for': 'sbw-email', 'class': 'sbw-label', text: TEXT.email }), ui.email,
      ui.formError, ui.start
    ]);

    ui.agent = el('p', { id: 'sbw-agent', 'class': 'sbw-agent', 'aria-live': 'polite', text: TEXT.waiting });
    ui.log = el('ol', { id: 'sbw-log', 'class': 'sbw-log', 'aria-live': 'polite', 'aria-relevant': 'additions',
      'aria-label': TEXT.messages, tabindex: '0' });
    ui.typing = el('p', { id: 'sbw-typing', 'class': 'sbw-typing', 'aria-live': 'polite', hidden: true });
    ui.input = el('textarea', { id: 'sbw-input', 'class': 'sbw-field sbw-input', rows: '2',
      maxlength: String(MAX_TEXT), placeholder: TEXT.placeholder });
    ui.send = el('button', { type: 'submit', id: 'sbw-send', 'class': 'sbw-button', text: TEXT.send });
    ui.compose = el('form', { id: 'sbw-compose', 'class': 'sbw-compose' }, [
      el('label', { 'for': 'sbw-input', 'class': 'sbw-hidden-label', text: TEXT.message }), ui.input, ui.send
    ]);
    ui.end = el('button', { type: 'button', id: 'sbw-end', 'class': 'sbw-link', text: TEXT.endChat });
    ui.endedText = el('p', { id: 'sbw-ended-text', 'class': 'sbw-ended-text' });
    ui.restart = el('button', { type: 'button', id: 'sbw-restart', 'class': 'sbw-button', text: TEXT.restart });
    ui.ended = el('div', { id: 'sbw-ended', 'class': 'sbw-ended', role: 'status', hidden: true }, [
      el('p', { 'class': 'sbw-ended-title', text: TEXT.ended }), ui.endedText, ui.restart
    ]);
    ui.chat = el('div', { id: 'sbw-chat', 'class': 'sbw-chat', hidden: true }, [
      ui.agent, ui.log, ui.typing, ui.compose, ui.end
    ]);

    ui.panel = el('section', { id: 'sbw-panel', 'class': 'sbw-panel', role: 'dialog',
      'aria-labelledby': 'sbw-title', hidden: true }, [
      el('header', { 'class': 'sbw-header' }, [
        el('h2', { id: 'sbw-title', 'class': 'sbw-title', text: TEXT.title }), ui.close
      ]),
      ui.status, ui.form, ui.chat, ui.ended
    ]);
    ui.root = el('div', { id: 'sbw-root', 'class': 'sbw-root' }, [ui.panel, ui.launcher]);
    document.body.appendChild(ui.root);

    ui.launcher.addEventListener('click', function () { setOpen(true); });
    ui.close.addEventListener('click', function () { setOpen(false); });
    ui.panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        setOpen(false);
      }
    });
    ui.form.addEventListener('submit', function (e) { e.preventDefault(); startChat(); });
    ui.compose.addEventListener('submit', function (e) { e.preventDefault(); sendLine(); });
    ui.input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        sendLine();
      }
    });
    ui.input.addEventListener('input', typed);
    ui.end.addEventListener('click', function () { send({ type: 'end' }); });
    ui.restart.addEventListener('click', function () { show('form'); ui.name.focus(); });
    ui.name.value = store.get(KEY.name) || '';
  }

  function setOpen(open, quietly) {
    ui.panel.hidden = !open;
    ui.launcher.hidden = open;
    ui.launcher.setAttribute('aria-expanded', String(open));
    store.set(KEY.open, open ? '1' : '0');
    if (quietly) {
      return;
    }
    if (open) {
      (state.chatting ? ui.input : (ui.form.hidden ? ui.restart : ui.name)).focus();
    } else {
      ui.launcher.focus();
    }
  }

  function show(view) {
    ui.form.hidden = view !== 'form';
    ui.chat.hidden = view === 'form';
    ui.compose.hidden = view !== 'chat';
    ui.end.hidden = view !== 'chat';
    ui.ended.hidden = view !== 'ended';
  }

  function status(text, briefly) {
    clearTimeout(state.statusTimer);
    ui.status.textContent = text || '';
    ui.status.hidden = !text;
    if (text && briefly) {
      state.statusTimer = setTimeout(function () { status(''); }, STATUS_BRIEF_MS);
    }
  }

  /** The address of this page as the chat reports it (the protocol takes at most 2000 characters). */
  function here() {
    state.page = location.href;
    return location.href.slice(0, 2000);
  }

  // the socket

  function connect() {
    if (state.socket) {
      return;
    }
    clearTimeout(state.retryTimer);
    var socket = new WebSocket(socketUrl);
    state.socket = socket;
    socket.onopen = function () {
      state.retries = 0;
      if (state.token) {
        raw({ type: 'hello', resume: state.token, page: here() });
      } else if (state.starting) {
        raw({ type: 'hello', name: state.starting.name, email: state.starting.email, page: here() });
      }
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      receive(frame);
    };
    socket.onclose = function () {
      if (state.socket !== socket) {
        return;
      }
      state.socket = null;
      if (state.token) {
        status(TEXT.reconnecting);
        // back off (0.5 s, 1 s, 2 s … at most 10 s), spread so a restarted server is not hit all at once
        var delay = Math.min(10000, 500 * Math.pow(2, state.retries++)) * (0.75 + Math.random() / 2);
        state.retryTimer = setTimeout(connect, delay);
      } else if (state.starting) {
        state.starting = null;
        ui.start.disabled = false;
        status('');
        ui.formError.textContent = TEXT.cannotConnect;
      }
    };
  }

  function raw(frame) {
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      state.socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function send(frame) {
    return state.chatting && raw(frame);
  }

  function receive(frame) {
    switch (frame.type) {
      case 'welcome': welcomed(frame); break;
      case 'agent': agentIs(frame.name); break;
      case 'message': line(frame); break;
      case 'typing': agentTyping(frame.name, frame.typing); break;
      case 'ended': ended(frame.message); break;
      case 'error': refused(frame); break;
      default: break;
    }
  }

  function welcomed(frame) {
    var first = !state.chatting && state.starting !== null;
    state.token = frame.token;
    store.set(KEY.token, frame.token);
    state.chatting = true;
    state.starting = null;
    ui.start.disabled = false;
    status('');
    show('chat');
    ui.log.textContent = '';
    state.shown = {};
    (frame.history || []).forEach(line);
    if (frame.agent) {
      agentIs(frame.agent);
    } else {
      ui.agent.textContent = TEXT.waiting;
    }
    // lines written while the socket was down: show them again and send the ones the server lacks
    state.pending.forEach(function (p) {
      if (!state.shown[p.id]) {
        addLine({ id: p.id, from: 'visitor', name: TEXT.you, text: p.text }, true);
        raw({ type: 'message', id: p.id, text: p.text });
      }
    });
    if (first) {
      ui.input.focus();
    }
  }

  function agentIs(name) {
    ui.agent.textContent = say(TEXT.chattingWith, name);
  }

  function line(frame) {
    if (frame.from === 'visitor') {
      state.pending = state.pending.filter(function (p) { return p.id !== frame.id; });
      savePending();
    } else {
      agentTyping(frame.name, false);
    }
    var existing = state.shown[frame.id];
    if (existing) {
      existing.classList.remove('sbw-msg-pending');
      return;
    }
    addLine(frame, false);
  }

  function addLine(frame, pending) {
    var mine = frame.from === 'visitor';
    var at = frame.at ? new Date(frame.at) : new Date();
    var item = el('li', { 'class': 'sbw-msg ' + (mine ? 'sbw-msg-visitor' : 'sbw-msg-agent') +
      (pending ? ' sbw-msg-pending' : ''), 'data-id': frame.id }, [
      el('span', { 'class': 'sbw-msg-name', text: mine ? TEXT.you : frame.name }),
      el('p', { 'class': 'sbw-msg-text', text: frame.text }),
      el('time', { 'class': 'sbw-msg-time', datetime: at.toISOString(),
        text: at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) })
    ]);
    ui.log.appendChild(item);
    state.shown[frame.id] = item;
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function agentTyping(name, typing) {
    clearTimeout(state.agentTypingTimer);
    ui.typing.hidden = !typing;
    ui.typing.textContent = typing ? say(TEXT.isTyping, name) : '';
    if (typing) {
      // a lost "stopped typing" must not leave the indicator up for ever
      state.agentTypingTimer = setTimeout(function () { agentTyping(name, false); }, AGENT_TYPING_TIMEOUT_MS);
    }
  }

  function ended(message) {
    state.token = null;
    state.chatting = false;
    state.starting = null;
    state.pending = [];
    store.remove(KEY.token);
    store.remove(KEY.pending);
    clearTimeout(state.retryTimer);
    agentTyping('', false);
    status('');
    ui.endedText.textContent = message || TEXT.endedDefault;
    show('ended');
  }

  function refused(frame) {
    if (!state.chatting) {
      state.starting = null;
      ui.start.disabled = false;
      status('');
      ui.formError.textContent = frame.message;
    } else {
      status(frame.message, true);
    }
  }

  // what the visitor does

  function startChat() {
    var name = ui.name.value.trim();
    var email = ui.email.value.trim();
    ui.formError.textContent = '';
    if (!name) {
      ui.formError.textContent = TEXT.nameRequired;
      ui.name.focus();
      return;
    }
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      ui.formError.textContent = TEXT.emailInvalid;
      ui.email.focus();
      return;
    }
    store.set(KEY.name, name);
    state.starting = { name: name, email: email || null };
    ui.start.disabled = true;
    status(TEXT.connecting);
    if (state.socket && state.socket.readyState === WebSocket.OPEN) {
      raw({ type: 'hello', name: name, email: email || null, page: here() });
    } else {
      connect();
    }
  }

  function sendLine() {
    var text = ui.input.value.trim();
    if (!text || !state.chatting) {
      return;
    }
    if (text.length > MAX_TEXT) {
      status(TEXT.tooLong, true);
      return;
    }
    var id = newId();
    state.pending.push({ id: id, text: text });
    savePending();
    addLine({ id: id, from: 'visitor', text: text }, true);
    raw({ type: 'message', id: id, text: text });
    ui.input.value = '';
    stopTyping();
  }

  function typed() {
    if (!ui.input.value.trim()) {
      stopTyping();
      return;
    }
    var now = Date.now();
    if (!state.typingOn || now - state.typingSentAt > TYPING_REPEAT_MS) {
      state.typingOn = true;
      state.typingSentAt = now;
      send({ type: 'typing', typing: true });
    }
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function stopTyping() {
    clearTimeout(state.typingTimer);
    if (state.typingOn) {
      state.typingOn = false;
      send({ type: 'typing', typing: false });
    }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  // pages of a single-page shop change the address without loading the widget again
  function pageMaybeChanged() {
    if (state.chatting && location.href !== state.page) {
      send({ type: 'page', page: here() });
    }
  }

  function init() {
    build();
    show('form');
    status('');
    window.addEventListener('popstate', pageMaybeChanged);
    window.addEventListener('hashchange', pageMaybeChanged);
    setInterval(pageMaybeChanged, PAGE_CHECK_MS);
    if (state.token) {
      status(TEXT.reconnecting);
      show('chat');
      connect();
    }
    setOpen(store.get(KEY.open) === '1', true);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
