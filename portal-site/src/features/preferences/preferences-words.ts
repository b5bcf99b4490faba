import type { Locale } from '@enroute/content';

/**
 * The message preferences page's words, one flat map per locale (the page of the link every
 * email carries, where a customer turns email and SMS on or off). The type makes a missing key
 * in any locale a type error.
 */
const en = {
  heading: 'Your messages',
  intro: 'Choose how we tell you about your appointments.',
  email: 'Emails about my appointments',
  sms: 'Text messages about my appointments',
  none: '(no address on file)',
  save: 'Save',
  saved: 'Your choices are saved.',
  failed: 'Your choices could not be saved. Try again.',
  'unavailable.heading': 'This link does not work',
  'unavailable.body': 'Use the link in one of our latest messages.',
} as const;

export type PreferencesWordKey = keyof typeof en;
export type PreferencesWords = Record<PreferencesWordKey, string>;

const es: PreferencesWords = {
  heading: 'Sus mensajes',
  intro: 'Elija cómo le informamos de sus citas.',
  email: 'Correos sobre mis citas',
  sms: 'SMS sobre mis citas',
  none: '(sin dirección registrada)',
  save: 'Guardar',
  saved: 'Sus preferencias se han guardado.',
  failed: 'No se pudieron guardar sus preferencias. Inténtelo de nuevo.',
  'unavailable.heading': 'Este enlace no funciona',
  'unavailable.body': 'Use el enlace de uno de nuestros últimos mensajes.',
};

const fr: PreferencesWords = {
  heading: 'Vos messages',
  intro: 'Choisissez comment nous vous informons de vos rendez-vous.',
  email: 'E-mails sur mes rendez-vous',
  sms: 'SMS sur mes rendez-vous',
  none: '(aucune adresse enregistrée)',
  save: 'Enregistrer',
  saved: 'Vos choix sont enregistrés.',
  failed: "Vos choix n'ont pas pu être enregistrés. Réessayez.",
  'unavailable.heading': 'Ce lien ne fonctionne pas',
  'unavailable.body': "Utilisez le lien de l'un de nos derniers messages.",
};

const de: PreferencesWords = {
  heading: 'Ihre Nachrichten',
  intro: 'Wählen Sie, wie wir Sie über Ihre Termine informieren.',
  email: 'E-Mails zu meinen Terminen',
  sms: 'SMS zu meinen Terminen',
  none: '(keine Adresse hinterlegt)',
  save: 'Speichern',
  saved: 'Ihre Auswahl ist gespeichert.',
  failed: 'Ihre Auswahl konnte nicht gespeichert werden. Bitte versuchen Sie es erneut.',
  'unavailable.heading': 'Dieser Link funktioniert nicht',
  'unavailable.body': 'Verwenden Sie den Link aus einer unserer letzten Nachrichten.',
};

const ptBR: PreferencesWords = {
  heading: 'Suas mensagens',
  intro: 'Escolha como avisamos você sobre seus agendamentos.',
  email: 'E-mails sobre meus agendamentos',
  sms: 'SMS sobre meus agendamentos',
  none: '(nenhum endereço cadastrado)',
  save: 'Salvar',
  saved: 'Suas escolhas foram salvas.',
  failed: 'Não foi possível salvar suas escolhas. Tente novamente.',
  'unavailable.heading': 'Este link não funciona',
  'unavailable.body': 'Use o link de uma de nossas últimas mensagens.',
};

const nl: PreferencesWords = {
  heading: 'Uw berichten',
  intro: 'Kies hoe we u over uw afspraken informeren.',
  email: 'E-mails over mijn afspraken',
  sms: 'Sms-berichten over mijn afspraken',
  none: '(geen adres bekend)',
  save: 'Opslaan',
  saved: 'Uw keuzes zijn opgeslagen.',
  failed: 'Uw keuzes konden niet worden opgeslagen. Probeer het opnieuw.',
  'unavailable.heading': 'Deze link werkt niet',
  'unavailable.body': 'Gebruik de link in een van onze laatste berichten.',
};

const it: PreferencesWords = {
  heading: 'I suoi messaggi',
  intro: 'Scelga come informarla dei suoi appuntamenti.',
  email: 'Email sui miei appuntamenti',
  sms: 'SMS sui miei appuntamenti',
  none: '(nessun indirizzo registrato)',
  save: 'Salva',
  saved: 'Le sue scelte sono state salvate.',
  failed: 'Non è stato possibile salvare le sue scelte. Riprovi.',
  'unavailable.heading': 'Questo link non funziona',
  'unavailable.body': 'Usi il link di uno dei nostri ultimi messaggi.',
};

const pl: PreferencesWords = {
  heading: 'Twoje wiadomości',
  intro: 'Wybierz, jak mamy informować Cię o wizytach.',
  email: 'E-maile o moich wizytach',
  sms: 'SMS-y o moich wizytach',
  none: '(brak zapisanego adresu)',
  save: 'Zapisz',
  saved: 'Twoje wybory zostały zapisane.',
  failed: 'Nie udało się zapisać wyborów. Spróbuj ponownie.',
  'unavailable.heading': 'Ten link nie działa',
  'unavailable.body': 'Użyj linku z jednej z naszych ostatnich wiadomości.',
};

const ja: PreferencesWords = {
  heading: 'メッセージの設定',
  intro: 'ご予約のお知らせの受け取り方を選んでください。',
  email: '予約に関するメール',
  sms: '予約に関するSMS',
  none: '（登録されたアドレスはありません）',
  save: '保存',
  saved: '設定を保存しました。',
  failed: '設定を保存できませんでした。もう一度お試しください。',
  'unavailable.heading': 'このリンクは使用できません',
  'unavailable.body': '最新のメッセージにあるリンクをご利用ください。',
};

const zhCN: PreferencesWords = {
  heading: '您的消息',
  intro: '选择我们通知您预约信息的方式。',
  email: '关于我的预约的电子邮件',
  sms: '关于我的预约的短信',
  none: '（未登记地址）',
  save: '保存',
  saved: '您的选择已保存。',
  failed: '无法保存您的选择，请重试。',
  'unavailable.heading': '此链接无效',
  'unavailable.body': '请使用我们最近一条消息中的链接。',
};

const ar: PreferencesWords = {
  heading: 'رسائلك',
  intro: 'اختر كيف نبلغك بمواعيدك.',
  email: 'رسائل البريد الإلكتروني عن مواعيدي',
  sms: 'الرسائل النصية عن مواعيدي',
  none: '(لا يوجد عنوان مسجل)',
  save: 'حفظ',
  saved: 'تم حفظ اختياراتك.',
  failed: 'تعذر حفظ اختياراتك. حاول مرة أخرى.',
  'unavailable.heading': 'هذا الرابط لا يعمل',
  'unavailable.body': 'استخدم الرابط الموجود في إحدى رسائلنا الأخيرة.',
};

const he: PreferencesWords = {
  heading: 'ההודעות שלך',
  intro: 'בחרו איך נעדכן אתכם על התורים שלכם.',
  email: 'אימיילים על התורים שלי',
  sms: 'הודעות SMS על התורים שלי',
  none: '(אין כתובת רשומה)',
  save: 'שמירה',
  saved: 'הבחירות שלכם נשמרו.',
  failed: 'לא ניתן היה לשמור את הבחירות. נסו שוב.',
  'unavailable.heading': 'הקישור הזה לא עובד',
  'unavailable.body': 'השתמשו בקישור מאחת ההודעות האחרונות שלנו.',
};

export const preferencesWords: Record<Locale, PreferencesWords> = {
  en,
  es,
  fr,
  de,
  'pt-BR': ptBR,
  nl,
  it,
  pl,
  ja,
  'zh-CN': zhCN,
  ar,
  he,
};
