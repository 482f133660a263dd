/**
 * An order number written in running text: «Заказ Д-1048213», «заказа № 1048213», «Order #A-55012». Used by
 * profiles whose helpdesk has no order field of its own (the number sits in the subject or a custom
 * attribute's row). At most three letters of prefix, then four or more digits; the first group is the value.
 */
export const ORDER_NUMBER_IN_TEXT = '(?:заказ[а-яё]*|order)\\s*(?:№|#|no\\.?|номер)?\\s*([a-zа-яё]{0,3}-?\\d{4,})';
