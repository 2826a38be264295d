<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AccountabilityWindow</name>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="33"/>
        <source>Part</source>
        <translation>भाग</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="33"/>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="34"/>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="34"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="35"/>
        <source>Ledger</source>
        <translation>लेजर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="35"/>
        <source>Agrees</source>
        <translation>मेल खाता है</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="42"/>
        <source>Cage accountability</source>
        <translation>केज की कुल जवाबदेही</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="47"/>
        <source>Gaming day</source>
        <translation>गेमिंग दिवस</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="48"/>
        <source>&amp;Gaming day</source>
        <translation>गेमिंग दिवस (&amp;G)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="50"/>
        <source>&amp;Show (Enter)</source>
        <translation>दिखाएँ (&amp;S) (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="55"/>
        <source>Accountability lines</source>
        <translation>जवाबदेही की पंक्तियाँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="64"/>
        <source>Total accountability</source>
        <translation>कुल जवाबदेही</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="65"/>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="69"/>
        <source>Close (Esc)</source>
        <translation>बंद करें (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="72"/>
        <source>&amp;Fund the bank…</source>
        <translation>बैंक में धन जमा करें (&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="73"/>
        <source>&amp;Remit from the bank…</source>
        <translation>बैंक से धन भेजें (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="113"/>
        <source>Drawer, shift #%1: %2</source>
        <translation>दराज़, शिफ़्ट #%1: %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="116"/>
        <source>Drawer, shift #%1</source>
        <translation>दराज़, शिफ़्ट #%1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="117"/>
        <source>Main bank</source>
        <translation>मुख्य बैंक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="117"/>
        <source>Markers outstanding</source>
        <translation>बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="126"/>
        <source>yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="126"/>
        <source>NO</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="133"/>
        <source>Total accountability: %1</source>
        <translation>कुल जवाबदेही: %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="139"/>
        <source>foreign cash in the drawers: %1</source>
        <translation>दराज़ों में विदेशी नकदी: %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="144"/>
        <source>1 line does not agree with the ledger.</source>
        <translation>1 पंक्ति लेजर से मेल नहीं खाती।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/accountability_window.py" line="145"/>
        <source>%1 lines do not agree with the ledger.</source>
        <translation>%1 पंक्तियाँ लेजर से मेल नहीं खातीं।</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="87"/>
        <source>Integrity alert</source>
        <translation>इंटीग्रिटी चेतावनी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="88"/>
        <source>Re&amp;view alerts</source>
        <translation>चेतावनियाँ देखें (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="111"/>
        <source>(+%1 more)</source>
        <translation>(+%1 और)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="112"/>
        <source>⚠ %1 integrity alerts: %2</source>
        <translation>⚠ %1 इंटीग्रिटी चेतावनियाँ: %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="113"/>
        <source>⚠ 1 integrity alert: %2</source>
        <translation>⚠ 1 इंटीग्रिटी चेतावनी: %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="114"/>
        <source>the balance of player %1 disagrees with the ledger (raised %2)%3. Check before paying this player.</source>
        <translation>खिलाड़ी %1 का शेष लेजर से मेल नहीं खाता (%2 पर उठाई गई)%3। इस खिलाड़ी को भुगतान से पहले जाँचें।</translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <location filename="../../cashier_desktop/ui/amount_edit.py" line="56"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
</context>
<context>
    <name>AmountField</name>
    <message>
        <location filename="../../cashier_desktop/ui/amount_edit.py" line="114"/>
        <source>Amount as entered</source>
        <translation>दर्ज राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/amount_edit.py" line="115"/>
        <source>Amount problem</source>
        <translation>राशि में समस्या</translation>
    </message>
</context>
<context>
    <name>BankTransferDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="36"/>
        <source>Fill from the main bank</source>
        <translation>मुख्य बैंक से फ़िल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="36"/>
        <source>Credit to the main bank</source>
        <translation>मुख्य बैंक को क्रेडिट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="37"/>
        <source>Fund the main bank</source>
        <translation>मुख्य बैंक में धन जमा करें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="37"/>
        <source>Remit from the main bank</source>
        <translation>मुख्य बैंक से धन भेजें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="39"/>
        <source>Cash from the main bank into this drawer (shift #%1). The bank&apos;s person brings it and signs with their staff id and PIN.</source>
        <translation>मुख्य बैंक से इस दराज़ (शिफ़्ट #%1) में नकद। बैंक का व्यक्ति इसे लाता है और अपनी कर्मचारी आईडी और पिन से हस्ताक्षर करता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="41"/>
        <source>Cash from this drawer (shift #%1) back to the main bank. The bank&apos;s person takes it and signs with their staff id and PIN.</source>
        <translation>इस दराज़ (शिफ़्ट #%1) से नकद वापस मुख्य बैंक को। बैंक का व्यक्ति इसे लेता है और अपनी कर्मचारी आईडी और पिन से हस्ताक्षर करता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="43"/>
        <source>Cash into the main bank from outside the cage (the count room, the treasury). You sign; a witness with the right signs with their staff id and PIN.</source>
        <translation>केज के बाहर से (काउंट रूम, ट्रेज़री) मुख्य बैंक में नकदी। आप हस्ताक्षर करते हैं; अधिकार वाला एक गवाह अपनी कर्मचारी आईडी और पिन से हस्ताक्षर करता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="45"/>
        <source>Cash out of the main bank, leaving the cage (to the treasury, a bank deposit). You sign; a witness with the right signs with their staff id and PIN.</source>
        <translation>मुख्य बैंक से केज के बाहर जाने वाली नकदी (ट्रेज़री, बैंक जमा)। आप हस्ताक्षर करते हैं; अधिकार वाला एक गवाह अपनी कर्मचारी आईडी और पिन से हस्ताक्षर करता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="51"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="53"/>
        <source>Where from</source>
        <translation>कहाँ से</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="53"/>
        <source>Where to</source>
        <translation>कहाँ को</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="56"/>
        <source>Bank&apos;s staff id</source>
        <translation>बैंक की कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="56"/>
        <source>Witness&apos;s staff id</source>
        <translation>गवाह की कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="59"/>
        <source>Bank&apos;s PIN</source>
        <translation>बैंक का पिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="59"/>
        <source>Witness&apos;s PIN</source>
        <translation>गवाह का पिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="61"/>
        <source>&amp;Amount</source>
        <translation>राशि (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="63"/>
        <source>&amp;Where from</source>
        <translation>कहाँ से (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="63"/>
        <source>&amp;Where to</source>
        <translation>कहाँ को (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="64"/>
        <source>Witness&apos;s &amp;staff id</source>
        <translation>गवाह की कर्मचारी आईडी (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="65"/>
        <source>Witness&apos;s &amp;PIN</source>
        <translation>गवाह का पिन (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="68"/>
        <source>Bank&apos;s &amp;staff id</source>
        <translation>बैंक की कर्मचारी आईडी (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="69"/>
        <source>Bank&apos;s &amp;PIN</source>
        <translation>बैंक का पिन (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="71"/>
        <source>Third person, above a signer&apos;s authority limit</source>
        <translation>तीसरा व्यक्ति, हस्ताक्षरकर्ता की अधिकार सीमा से ऊपर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="73"/>
        <source>Approver&apos;s staff id</source>
        <translation>स्वीकृति देने वाले की कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="76"/>
        <source>Approver&apos;s PIN</source>
        <translation>स्वीकृति देने वाले का पिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="78"/>
        <source>Appro&amp;ver&apos;s staff id</source>
        <translation>स्वीकृति देने वाले की कर्मचारी आईडी (&amp;V)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="79"/>
        <source>Approver&apos;s PI&amp;N</source>
        <translation>स्वीकृति देने वाले का पिन (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="81"/>
        <source>Refusal</source>
        <translation>अस्वीकृति</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="83"/>
        <source>Post fill (Enter)</source>
        <translation>फ़िल दर्ज करें (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="83"/>
        <source>Post credit (Enter)</source>
        <translation>क्रेडिट दर्ज करें (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="84"/>
        <source>Post funding (Enter)</source>
        <translation>जमा दर्ज करें (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="85"/>
        <source>Post remittance (Enter)</source>
        <translation>प्रेषण दर्ज करें (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="87"/>
        <source>Cancel (Esc)</source>
        <translation>रद्द करें (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="117"/>
        <source>Enter the amount.</source>
        <translation>राशि दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="124"/>
        <source>Enter the third person&apos;s staff id and PIN.</source>
        <translation>तीसरे व्यक्ति की कर्मचारी आईडी और पिन दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="132"/>
        <source>Say where the cash comes from or goes to.</source>
        <translation>बताएँ कि नकदी कहाँ से आई है या कहाँ जा रही है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="156"/>
        <source>Funding of %1 into the main bank from “%2”, signed by %3 and %4 (witness); the bank holds %5.</source>
        <translation>“%2” से मुख्य बैंक में %1 जमा, %3 और %4 (गवाह) के हस्ताक्षर; बैंक में अब %5 है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="158"/>
        <source>Remittance of %1 from the main bank to “%2”, signed by %3 and %4 (witness); the bank holds %5.</source>
        <translation>मुख्य बैंक से “%2” को %1 का प्रेषण, %3 और %4 (गवाह) के हस्ताक्षर; बैंक में अब %5 है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="167"/>
        <source>Fill of %1 into shift #%2, signed by %3 (bank) and %4.</source>
        <translation>शिफ़्ट #%2 में %1 का फ़िल, %3 (बैंक) और %4 के हस्ताक्षर।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/bank_dialog.py" line="168"/>
        <source>Credit of %1 from shift #%2, signed by %4 and %3 (bank).</source>
        <translation>शिफ़्ट #%2 से %1 का क्रेडिट, %4 और %3 (बैंक) के हस्ताक्षर।</translation>
    </message>
</context>
<context>
    <name>CageSettings</name>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="33"/>
        <source>Exchange</source>
        <translation>विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="36"/>
        <source>Temporary line</source>
        <translation>अस्थायी सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="37"/>
        <source>Fill</source>
        <translation>फ़िल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="38"/>
        <source>Credit to the bank</source>
        <translation>बैंक को क्रेडिट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="39"/>
        <source>Funding the bank</source>
        <translation>बैंक में नकद लाना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="40"/>
        <source>Remittance</source>
        <translation>बैंक से प्रेषण</translation>
    </message>
</context>
<context>
    <name>CageSettingsTab</name>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="69"/>
        <source>Currency</source>
        <translation>मुद्रा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="69"/>
        <source>Buy</source>
        <translation>ख़रीद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="70"/>
        <source>Sell</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="70"/>
        <source>In force since</source>
        <translation>कब से लागू</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="71"/>
        <source>Set by</source>
        <translation>किसने तय किया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="73"/>
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="73"/>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="74"/>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="74"/>
        <source>Opened</source>
        <translation>खोली गई</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="75"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="76"/>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="76"/>
        <source>Exchange</source>
        <translation>विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="77"/>
        <source>Foreign</source>
        <translation>विदेशी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="77"/>
        <source>Local</source>
        <translation>स्थानीय मुद्रा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="78"/>
        <source>Rate</source>
        <translation>दर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="78"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="79"/>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="118"/>
        <source>Staff</source>
        <translation>कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="80"/>
        <source>Denomination</source>
        <translation>मूल्यवर्ग</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="81"/>
        <source>Pieces</source>
        <translation>नग</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="81"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="92"/>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="113"/>
        <source>Exchange rates</source>
        <translation>विनिमय दरें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="97"/>
        <source>Currency of the new rate</source>
        <translation>नई दर की मुद्रा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="99"/>
        <source>Buy rate</source>
        <translation>ख़रीद दर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="100"/>
        <source>the cage pays per unit, e.g. 83.25</source>
        <translation>केज प्रति इकाई देता है, जैसे 83.25</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="102"/>
        <source>Sell rate</source>
        <translation>बिक्री दर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="103"/>
        <source>the cage is paid per unit, e.g. 84.75</source>
        <translation>केज को प्रति इकाई मिलता है, जैसे 84.75</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="104"/>
        <source>Save &amp;rate (Enter)</source>
        <translation>दर सहेजें (&amp;R) (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="109"/>
        <source>C&amp;urrency</source>
        <translation>मुद्रा (&amp;U)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="110"/>
        <source>&amp;Buy</source>
        <translation>ख़रीद (&amp;B)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="111"/>
        <source>S&amp;ell</source>
        <translation>बिक्री (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="119"/>
        <source>Authority limits</source>
        <translation>अधिकार सीमाएँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="124"/>
        <source>Staff member</source>
        <translation>कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="126"/>
        <source>Transaction type</source>
        <translation>लेन-देन का प्रकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="130"/>
        <source>Authority limit</source>
        <translation>अधिकार सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="131"/>
        <source>&amp;No limit (remove it)</source>
        <translation>कोई सीमा नहीं (हटाएँ) (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="134"/>
        <source>Reason for the change</source>
        <translation>बदलाव का कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="135"/>
        <source>why (kept with the change)</source>
        <translation>क्यों (बदलाव के साथ रखा जाता है)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="138"/>
        <source>Save &amp;limit (Enter)</source>
        <translation>सीमा सहेजें (&amp;L) (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="141"/>
        <source>Sta&amp;ff member</source>
        <translation>कर्मचारी (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="142"/>
        <source>T&amp;ype</source>
        <translation>प्रकार (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="143"/>
        <source>L&amp;imit</source>
        <translation>सीमा (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="145"/>
        <source>Reas&amp;on</source>
        <translation>कारण (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="147"/>
        <source>Authority limits: the most each may post without a second PIN</source>
        <translation>अधिकार सीमाएँ: दूसरे पिन के बिना हर कोई अधिकतम कितना दर्ज कर सकता है</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="153"/>
        <source>Drawers</source>
        <translation>दराज़</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="158"/>
        <source>Expected holding by denomination</source>
        <translation>मूल्यवर्ग के अनुसार अपेक्षित नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="163"/>
        <source>The shift&apos;s exchanges</source>
        <translation>शिफ़्ट के विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="173"/>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="178"/>
        <source>&amp;Authority limits</source>
        <translation>अधिकार सीमाएँ (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="179"/>
        <source>E&amp;xchange rates</source>
        <translation>विनिमय दरें (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="180"/>
        <source>&amp;Drawers by denomination</source>
        <translation>मूल्यवर्ग के अनुसार दराज़ (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="214"/>
        <source>no rate set</source>
        <translation>कोई दर तय नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="235"/>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="357"/>
        <source>no limit</source>
        <translation>कोई सीमा नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="237"/>
        <source>Set by %1 on %2: %3</source>
        <translation>%1 ने %2 को तय किया: %3</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="250"/>
        <source>open</source>
        <translation>खुली</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="250"/>
        <source>closed</source>
        <translation>बंद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="295"/>
        <source>%1 without notes</source>
        <translation>%1 बिना नोटों के</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="303"/>
        <source>without notes</source>
        <translation>नोट दर्ज किए बिना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="309"/>
        <source>Shift #%1 should hold %2.</source>
        <translation>शिफ़्ट #%1 में %2 होने चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="340"/>
        <source>The %1 rate is in force (rate %2).</source>
        <translation>%1 की दर लागू है (दर %2)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="354"/>
        <source>Enter the limit, or tick “No limit”.</source>
        <translation>सीमा दर्ज करें, या “कोई सीमा नहीं” चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_settings.py" line="359"/>
        <source>%1&apos;s %2 limit is now %3.</source>
        <translation>%1 की %2 सीमा अब %3 है।</translation>
    </message>
</context>
<context>
    <name>CashierTab</name>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="156"/>
        <source>ID on file (Ctrl+D)</source>
        <translation>फ़ाइल में पहचान (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="157"/>
        <source>Identification on file</source>
        <translation>फ़ाइल में पहचान-पत्र</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="38"/>
        <source>&amp;Deposit</source>
        <translation>जमा (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="39"/>
        <source>&amp;Withdrawal</source>
        <translation>निकासी (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="40"/>
        <source>&amp;Issue marker</source>
        <translation>मार्कर जारी करें (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="41"/>
        <source>&amp;Redeem marker</source>
        <translation>मार्कर भुगतान (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="128"/>
        <source>Req&amp;uest credit (F9)</source>
        <translation>क्रेडिट माँगें (&amp;U) (F9)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="130"/>
        <source>Request credit</source>
        <translation>क्रेडिट माँगें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="134"/>
        <source>E&amp;xchange (%1)</source>
        <translation>विनिमय (&amp;X) (%1)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="136"/>
        <source>Currency exchange</source>
        <translation>मुद्रा विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="141"/>
        <source>Re&amp;print (Ctrl+R)</source>
        <translation>फिर से छापें (&amp;P) (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="142"/>
        <source>Reprint selected receipt</source>
        <translation>चुनी हुई रसीद फिर से छापें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="147"/>
        <source>Exchan&amp;ges (Ctrl+Shift+X)</source>
        <translation>विनिमय सूची (&amp;G) (Ctrl+Shift+X)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="148"/>
        <source>This shift&apos;s exchanges</source>
        <translation>इस शिफ़्ट के विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="152"/>
        <source>Hist&amp;ory (Ctrl+H)</source>
        <translation>इतिहास (&amp;O) (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="153"/>
        <source>Player history</source>
        <translation>खिलाड़ी का इतिहास</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="162"/>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="170"/>
        <source>&lt;b&gt;Recent transactions&lt;/b&gt;</source>
        <translation>&lt;b&gt;हाल के लेन-देन&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="349"/>
        <source>%1 of %2 taken offline — pending; receipt %3.</source>
        <translation>%2 की %1 ऑफ़लाइन ली गई — लंबित; रसीद %3।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="350"/>
        <source>%1 of %2 posted; receipt %3.</source>
        <translation>%2 की %1 दर्ज; रसीद %3।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="409"/>
        <source>No printer is set up: print the receipt from its window (Ctrl+P).</source>
        <translation>कोई प्रिंटर सेट नहीं है: रसीद उसकी विंडो से छापें (Ctrl+P)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="417"/>
        <source>Select a transaction in the list to reprint its receipt.</source>
        <translation>रसीद फिर से छापने के लिए सूची में एक लेन-देन चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="483"/>
        <source>Exchange of %1 for %2 posted; receipt %3.</source>
        <translation>%1 का %2 में विनिमय दर्ज हुआ; रसीद %3।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="561"/>
        <source>No credit available on an approved line.</source>
        <translation>स्वीकृत सीमा पर कोई क्रेडिट उपलब्ध नहीं।</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="224"/>
        <source>Close shift</source>
        <translation>शिफ़्ट बंद करें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="230"/>
        <source>Close shift #%1 — blind count</source>
        <translation>शिफ़्ट #%1 बंद करें — ब्लाइंड गिनती</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="234"/>
        <source>Refused on replay</source>
        <translation>दोबारा भेजने पर अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="268"/>
        <source>%1 and %2</source>
        <translation>%1 और %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="270"/>
        <source>Close shift now (Enter)</source>
        <translation>शिफ़्ट अभी बंद करें (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="273"/>
        <source>Closing…</source>
        <translation>बंद हो रही है…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="280"/>
        <source>Shift #%1 closed; counted %2.</source>
        <translation>शिफ़्ट #%1 बंद; गिना गया %2।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="282"/>
        <source>A supervisor must review and sign it off.</source>
        <translation>सुपरवाइज़र को समीक्षा करके हस्ताक्षर करना होगा।</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="143"/>
        <source>Adopt alert %1</source>
        <translation>चेतावनी %1 अपनाएँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="144"/>
        <source>Revert alert %1</source>
        <translation>चेतावनी %1 पलटें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="145"/>
        <source>Dismiss alert %1</source>
        <translation>चेतावनी %1 ख़ारिज करें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="146"/>
        <source>Adopt</source>
        <translation>अपनाएँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="147"/>
        <source>Revert</source>
        <translation>पलटें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="148"/>
        <source>Dismiss</source>
        <translation>ख़ारिज करें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="163"/>
        <source>Supervisor staff id</source>
        <translation>सुपरवाइज़र की कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="166"/>
        <source>Supervisor PIN</source>
        <translation>सुपरवाइज़र पिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="168"/>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="169"/>
        <source>why (recorded in the audit log)</source>
        <translation>कारण (ऑडिट लॉग में दर्ज)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="171"/>
        <source>&amp;Supervisor</source>
        <translation>सुपरवाइज़र (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="172"/>
        <source>&amp;PIN</source>
        <translation>पिन (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="173"/>
        <source>&amp;Reason</source>
        <translation>कारण (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="176"/>
        <source>Cancel (Esc)</source>
        <translation>रद्द करें (Esc)</translation>
    </message>
</context>
<context>
    <name>CountGrid</name>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="63"/>
        <source>&lt;b&gt;Denomination&lt;/b&gt;</source>
        <translation>&lt;b&gt;मूल्यवर्ग&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="64"/>
        <source>&lt;b&gt;Pieces&lt;/b&gt;</source>
        <translation>&lt;b&gt;संख्या&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="65"/>
        <source>&lt;b&gt;Amount&lt;/b&gt;</source>
        <translation>&lt;b&gt;राशि&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="71"/>
        <source>Pieces of %1</source>
        <translation>%1 की संख्या</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="85"/>
        <source>Counted total</source>
        <translation>गिना गया कुल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="87"/>
        <source>&lt;b&gt;Total&lt;/b&gt;</source>
        <translation>&lt;b&gt;कुल&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>CreditLinesView</name>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="20"/>
        <source>permanent</source>
        <translation>स्थायी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="21"/>
        <source>temporary</source>
        <translation>अस्थायी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="30"/>
        <source>Changed</source>
        <translation>बदलाव का समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="30"/>
        <source>Line</source>
        <translation>सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="31"/>
        <source>Old limit</source>
        <translation>पुरानी सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="32"/>
        <source>New limit</source>
        <translation>नई सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="33"/>
        <source>Until</source>
        <translation>कब तक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="33"/>
        <source>Asked by</source>
        <translation>किसने माँगा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="34"/>
        <source>Approved by</source>
        <translation>स्वीकृतकर्ता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="35"/>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="36"/>
        <source>Issued</source>
        <translation>जारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="36"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="37"/>
        <source>Due</source>
        <translation>देय तिथि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="37"/>
        <source>Still owed</source>
        <translation>बाकी देय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="38"/>
        <source>Marker</source>
        <translation>मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="45"/>
        <source>Credit line changes</source>
        <translation>क्रेडिट सीमा के बदलाव</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="46"/>
        <source>Markers</source>
        <translation>मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="53"/>
        <source>&lt;b&gt;Markers&lt;/b&gt; (redemptions pay the oldest first)</source>
        <translation>&lt;b&gt;मार्कर&lt;/b&gt; (भुगतान पहले सबसे पुराने मार्कर का होता है)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="70"/>
        <source>Line in force now: %1</source>
        <translation>अभी लागू सीमा: %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_lines_view.py" line="77"/>
        <source>(past due)</source>
        <translation>(देय तिथि बीत चुकी)</translation>
    </message>
</context>
<context>
    <name>CreditQueueTab</name>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="47"/>
        <source>Credit &amp;queue</source>
        <translation>क्रेडिट कतार (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="56"/>
        <source>Request</source>
        <translation>अनुरोध</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="56"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="56"/>
        <source>Cash on account</source>
        <translation>खाते में नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="56"/>
        <source>Current line</source>
        <translation>वर्तमान सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="57"/>
        <source>Markers outstanding</source>
        <translation>बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="57"/>
        <source>Oldest marker</source>
        <translation>सबसे पुराना मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="57"/>
        <source>Line asked</source>
        <translation>माँगी गई सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="58"/>
        <source>Asked by</source>
        <translation>किसने माँगा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="58"/>
        <source>Why</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="58"/>
        <source>Waiting</source>
        <translation>प्रतीक्षा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="61"/>
        <source>Pending credit requests</source>
        <translation>लंबित क्रेडिट अनुरोध</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="72"/>
        <source>Approved credit limit</source>
        <translation>स्वीकृत क्रेडिट सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="73"/>
        <source>&amp;Approve with this limit (F10)</source>
        <translation>इस सीमा के साथ स्वीकृत करें (&amp;A) (F10)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="76"/>
        <source>Reason for denial</source>
        <translation>अस्वीकृति का कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="78"/>
        <source>&amp;Deny with this reason (F11)</source>
        <translation>इस कारण से अस्वीकार करें (&amp;D) (F11)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="80"/>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="81"/>
        <source>Select a request to see the player&apos;s recent history.</source>
        <translation>खिलाड़ी का हाल का इतिहास देखने के लिए एक अनुरोध चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="86"/>
        <source>The player&apos;s recent transactions</source>
        <translation>खिलाड़ी के हाल के लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="87"/>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="87"/>
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="87"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="88"/>
        <source>Markers after</source>
        <translation>बाद में बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="108"/>
        <source>&amp;Limit</source>
        <translation>सीमा (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="112"/>
        <source>&amp;Reason</source>
        <translation>कारण (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="114"/>
        <source>&lt;b&gt;Credit requests waiting for a decision&lt;/b&gt; (refreshes by itself; Ctrl+F5 now)</source>
        <translation>&lt;b&gt;निर्णय की प्रतीक्षा में क्रेडिट अनुरोध&lt;/b&gt; (अपने आप ताज़ा होता है; अभी के लिए Ctrl+F5)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="122"/>
        <source>Integrity alert on this balance</source>
        <translation>इस शेष पर इंटीग्रिटी चेतावनी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="186"/>
        <source>(not approved)</source>
        <translation>(स्वीकृत नहीं)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="238"/>
        <source>No request waiting.</source>
        <translation>कोई अनुरोध प्रतीक्षा में नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="292"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — cash on account %2 · line %3 · markers outstanding %4 · available %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — खाते में नकद %2 · सीमा %3 · बकाया मार्कर %4 · उपलब्ध %5</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="297"/>
        <source>temporary line %1 in force</source>
        <translation>अस्थायी सीमा %1 लागू</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="321"/>
        <source>Enter the limit to approve.</source>
        <translation>स्वीकृत करने के लिए सीमा दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="336"/>
        <source>Give the reason for the denial first.</source>
        <translation>पहले अस्वीकृति का कारण दें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="347"/>
        <source>Request #%1 approved: player %2 has a credit line of %3.</source>
        <translation>अनुरोध #%1 स्वीकृत: खिलाड़ी %2 की क्रेडिट सीमा %3 है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="351"/>
        <source>Request #%1 for player %2 denied.</source>
        <translation>खिलाड़ी %2 का अनुरोध #%1 अस्वीकृत।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="364"/>
        <source>%1 min</source>
        <translation>%1 मिनट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="366"/>
        <source>%1 h</source>
        <translation>%1 घंटे</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_queue.py" line="367"/>
        <source>%1 days</source>
        <translation>%1 दिन</translation>
    </message>
</context>
<context>
    <name>CreditRequestDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="27"/>
        <source>Credit request — player %1</source>
        <translation>क्रेडिट अनुरोध — खिलाड़ी %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="28"/>
        <source>&lt;b&gt;Credit request&lt;/b&gt; for player &lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;Current line %3 (%4)</source>
        <translation>खिलाड़ी &lt;b&gt;%1&lt;/b&gt; %2 के लिए &lt;b&gt;क्रेडिट अनुरोध&lt;/b&gt;&lt;br&gt;वर्तमान सीमा %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="31"/>
        <source>approved</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="31"/>
        <source>none approved</source>
        <translation>कोई स्वीकृत नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="35"/>
        <source>Requested credit limit</source>
        <translation>अनुरोधित क्रेडिट सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="37"/>
        <source>Note for the floor manager</source>
        <translation>फ़्लोर मैनेजर के लिए टिप्पणी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="38"/>
        <source>Why: a note for the floor manager (optional)</source>
        <translation>कारण: फ़्लोर मैनेजर के लिए टिप्पणी (वैकल्पिक)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="39"/>
        <source>Refusal</source>
        <translation>इनकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="41"/>
        <source>File request (Enter)</source>
        <translation>अनुरोध भेजें (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="43"/>
        <source>Cancel (Esc)</source>
        <translation>रद्द करें (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="49"/>
        <source>Requested &amp;line</source>
        <translation>अनुरोधित सीमा (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="67"/>
        <source>Enter the requested line.</source>
        <translation>अनुरोधित सीमा दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/credit_request.py" line="75"/>
        <source>Credit request #%1 for player %2 (%3) sent to the floor manager.</source>
        <translation>खिलाड़ी %2 का क्रेडिट अनुरोध #%1 (%3) फ़्लोर मैनेजर को भेजा गया।</translation>
    </message>
</context>
<context>
    <name>Currency</name>
    <message>
        <location filename="../../cashier_desktop/ui/currency_names.py" line="7"/>
        <source>US dollar</source>
        <translation>अमेरिकी डॉलर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/currency_names.py" line="7"/>
        <source>Euro</source>
        <translation>यूरो</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/currency_names.py" line="8"/>
        <source>Pound sterling</source>
        <translation>पाउंड स्टर्लिंग</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/currency_names.py" line="8"/>
        <source>UAE dirham</source>
        <translation>यूएई दिरहम</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/currency_names.py" line="9"/>
        <source>Singapore dollar</source>
        <translation>सिंगापुर डॉलर</translation>
    </message>
</context>
<context>
    <name>DomainText</name>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="134"/>
        <source>%1 is not a note or coin of %2 (%3).</source>
        <translation>%1, %2 का नोट या सिक्का नहीं है (%3)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="146"/>
        <source>The drawer cannot pay out %1: that is more than it should hold. The drawer can pay out only the %2 it holds: taken in this shift or handed over with the drawer; nothing was posted.</source>
        <translation>दराज़ %1 नहीं दे सकती: यह उसमें होनी चाहिए रकम से ज़्यादा है। दराज़ केवल उतने %2 दे सकती है जितने उसमें हैं: इस शिफ़्ट में लिए गए या दराज़ के साथ सौंपे गए; कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="150"/>
        <source>The two counts of the foreign cash differ (%1 and %2): count it again together. Nothing was changed.</source>
        <translation>विदेशी नकदी की दोनों गिनतियाँ अलग हैं (%1 और %2): साथ मिलकर फिर से गिनें। कुछ नहीं बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="152"/>
        <source>“%1” is not a foreign currency this cage exchanges; nothing was changed.</source>
        <translation>“%1” ऐसी विदेशी मुद्रा नहीं है जिसका यह केज विनिमय करता है; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="153"/>
        <source>Foreign cash is counted per currency, e.g. {&quot;USD&quot;: {&quot;100&quot;: 3}}; nothing was changed.</source>
        <translation>विदेशी नकदी हर मुद्रा के लिए अलग गिनी जाती है, जैसे {&quot;USD&quot;: {&quot;100&quot;: 3}}; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="155"/>
        <source>%1 is this cage&apos;s own currency: count it with the drawer, not as foreign cash.</source>
        <translation>%1 इस केज की अपनी मुद्रा है: इसे दराज़ के साथ गिनें, विदेशी नकदी के रूप में नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="156"/>
        <source>The two counts differ (%1 and %2): count the drawer again together. Nothing was changed.</source>
        <translation>दोनों गिनतियाँ अलग हैं (%1 और %2): दराज़ को साथ मिलकर फिर से गिनें। कुछ नहीं बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="161"/>
        <source>Give the document&apos;s type and number with its expiry.</source>
        <translation>समाप्ति के साथ दस्तावेज़ का प्रकार और संख्या दें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="162"/>
        <source>This %1 expired on %2; an expired document cannot be put on file.</source>
        <translation>यह %1 %2 को समाप्त हो गया; समाप्त दस्तावेज़ फ़ाइल में नहीं रखा जा सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="163"/>
        <source>The player&apos;s %1 %2 expired on %3; ask for a valid document. Nothing was posted.</source>
        <translation>खिलाड़ी का %1 %2, %3 को समाप्त हो गया; मान्य दस्तावेज़ माँगें। कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="164"/>
        <source>The player&apos;s %1 on file expired on %2; ask for a valid document (type and number). Nothing was posted.</source>
        <translation>फ़ाइल में रखा खिलाड़ी का %1 %2 को समाप्त हो गया; मान्य दस्तावेज़ (प्रकार और संख्या) माँगें। कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="165"/>
        <source>“%1” is not a date; give the expiry as YYYY-MM-DD.</source>
        <translation>“%1” तारीख नहीं है; समाप्ति वर्ष-माह-दिन के रूप में दें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="166"/>
        <source>The image of a document must be a JPEG or PNG picture.</source>
        <translation>दस्तावेज़ का चित्र JPEG या PNG होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="167"/>
        <source>The image is %1 bytes; an image of a document may be at most 2 MB.</source>
        <translation>चित्र %1 बाइट का है; दस्तावेज़ का चित्र अधिकतम 2 MB हो सकता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="168"/>
        <source>Enter the number of the identification document (at most 64 characters).</source>
        <translation>पहचान-पत्र की संख्या दर्ज करें (अधिकतम 64 अक्षर)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="169"/>
        <source>Identification is put on file only online: log in again when the ledger is back.</source>
        <translation>पहचान-पत्र केवल ऑनलाइन फ़ाइल में रखा जाता है: लेजर वापस आने पर फिर लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="23"/>
        <source>Player %1 has %2; cannot take %3.</source>
        <translation>खिलाड़ी %1 के पास %2 है; %3 नहीं दिए जा सकते।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="25"/>
        <source>Player %1 has no approved credit line.</source>
        <translation>खिलाड़ी %1 की कोई स्वीकृत क्रेडिट सीमा नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="27"/>
        <source>Player %1 has %2 of credit available; cannot issue %3.</source>
        <translation>खिलाड़ी %1 के पास %2 क्रेडिट उपलब्ध है; %3 जारी नहीं किए जा सकते।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="29"/>
        <source>The new limit %1 is below the %2 already drawn by player %3.</source>
        <translation>नई सीमा %1, खिलाड़ी %3 द्वारा पहले से लिए गए %2 से कम है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="31"/>
        <source>Player %1 owes %2 in markers; cannot redeem %3.</source>
        <translation>खिलाड़ी %1 पर %2 के मार्कर बकाया हैं; %3 का भुगतान नहीं हो सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="33"/>
        <source>Player %1 does not have enough cash for this.</source>
        <translation>इसके लिए खिलाड़ी %1 के पास पर्याप्त नकद नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="34"/>
        <source>There is no player “%1”.</source>
        <translation>“%1” नाम का कोई खिलाड़ी नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="35"/>
        <source>Staff id or PIN not recognised.</source>
        <translation>कर्मचारी आईडी या पिन पहचाना नहीं गया।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="38"/>
        <source>Staff id or PIN not recognised. The ledger is offline: only staff who have logged in on this terminal before can log in now.</source>
        <translation>कर्मचारी आईडी या पिन पहचाना नहीं गया। लेजर ऑफ़लाइन है: अभी केवल वे कर्मचारी लॉग इन कर सकते हैं जो पहले इस टर्मिनल पर लॉग इन कर चुके हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="41"/>
        <source>Too many wrong PINs: %1 is locked for %2 minutes.</source>
        <translation>बहुत अधिक ग़लत पिन: %1 %2 मिनट के लिए लॉक है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="44"/>
        <source>%1 is locked after too many wrong PINs; try again in %2 minutes or ask a supervisor to reset the PIN.</source>
        <translation>बहुत अधिक ग़लत पिन के बाद %1 लॉक है; %2 मिनट बाद फिर प्रयास करें या सुपरवाइज़र से पिन रीसेट करवाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="47"/>
        <source>Terminal %1 has no open shift; open a shift before posting.</source>
        <translation>टर्मिनल %1 पर कोई शिफ़्ट खुली नहीं है; पोस्टिंग से पहले शिफ़्ट खोलें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="49"/>
        <source>Terminal %1 has no open shift to close.</source>
        <translation>टर्मिनल %1 पर बंद करने के लिए कोई खुली शिफ़्ट नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="51"/>
        <source>A posting can only be made under your own staff id.</source>
        <translation>पोस्टिंग केवल आपकी अपनी कर्मचारी आईडी से हो सकती है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="53"/>
        <source>The ledger is offline: deposits above %1 cannot be taken until it is back (%2 asked).</source>
        <translation>लेजर ऑफ़लाइन है: उसके लौटने तक %1 से अधिक जमा नहीं लिए जा सकते (%2 माँगे गए)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="57"/>
        <source>The ledger is offline and this shift has taken %1 offline; the limit is %2, so at most %3 more can be taken.</source>
        <translation>लेजर ऑफ़लाइन है और इस शिफ़्ट ने %1 ऑफ़लाइन लिए हैं; सीमा %2 है, इसलिए अधिकतम %3 और लिए जा सकते हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="60"/>
        <source>The ledger is offline: withdrawals cannot be paid until it is back.</source>
        <translation>लेजर ऑफ़लाइन है: उसके लौटने तक निकासी का भुगतान नहीं हो सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="62"/>
        <source>The ledger is offline: withdrawals above %1 cannot be paid until it is back (%2 asked).</source>
        <translation>लेजर ऑफ़लाइन है: उसके लौटने तक %1 से अधिक की निकासी नहीं दी जा सकती (%2 माँगे गए)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="65"/>
        <source>The ledger is offline: credit cannot be issued, changed or redeemed until it is back.</source>
        <translation>लेजर ऑफ़लाइन है: उसके लौटने तक क्रेडिट जारी, बदला या चुकाया नहीं जा सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="68"/>
        <source>%1 of %2 is at or above %3: a floor manager or supervisor must approve with their PIN.</source>
        <translation>%2 की %1, %3 या उससे अधिक है: फ़्लोर मैनेजर या सुपरवाइज़र को अपने पिन से स्वीकृत करना होगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="73"/>
        <source>This takes the player&apos;s cash in this %1 to %2, over the reporting threshold of %3: record the player&apos;s identification (type and number); a CTR will be due.</source>
        <translation>इससे इस %1 में खिलाड़ी का नकद जमा %2 हो जाता है, जो %3 की रिपोर्टिंग सीमा से ऊपर है: खिलाड़ी की पहचान (प्रकार और संख्या) दर्ज करें; CTR देय होगी।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="79"/>
        <source>This takes the player&apos;s cash out this %1 to %2, over the reporting threshold of %3: record the player&apos;s identification (type and number); a CTR will be due.</source>
        <translation>इससे इस %1 में खिलाड़ी की नकद निकासी %2 हो जाती है, जो %3 की रिपोर्टिंग सीमा से ऊपर है: खिलाड़ी की पहचान (प्रकार और संख्या) दर्ज करें; CTR देय होगी।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="82"/>
        <source>The amount must be more than zero.</source>
        <translation>राशि शून्य से अधिक होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="83"/>
        <source>Enter an amount.</source>
        <translation>राशि दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="84"/>
        <source>That is not a number.</source>
        <translation>यह संख्या नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="85"/>
        <source>Use the digits 0–9 only.</source>
        <translation>केवल 0–9 अंकों का प्रयोग करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="87"/>
        <source>Amounts have at most two decimal places.</source>
        <translation>राशि में अधिकतम दो दशमलव स्थान होते हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="89"/>
        <source>Type the amount in full, without an exponent.</source>
        <translation>राशि पूरी लिखें, घातांक के बिना।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="91"/>
        <source>%1 is above the per-transaction maximum of %2.</source>
        <translation>%1, प्रति लेन-देन अधिकतम %2 से ऊपर है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="98"/>
        <source>Alert %1: the balance of player %2 disagrees with the ledger (failed: %3).</source>
        <translation>चेतावनी %1: खिलाड़ी %2 का शेष लेजर से मेल नहीं खाता (विफल: %3)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="99"/>
        <source>Alert %1: the balance of player %2 disagrees with the ledger (failed: %3). It was changed without a posting at %4, by the database login “%5”.</source>
        <translation>चेतावनी %1: खिलाड़ी %2 का शेष लेजर से मेल नहीं खाता (विफल: %3)। इसे %4 पर बिना पोस्टिंग के डेटाबेस लॉगिन “%5” ने बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="101"/>
        <source>Alert %1: the balance of player %2 disagrees with the ledger (failed: %3). It was changed without a posting at %4, by the database login “%5” from the computer %6.</source>
        <translation>चेतावनी %1: खिलाड़ी %2 का शेष लेजर से मेल नहीं खाता (विफल: %3)। इसे %4 पर बिना पोस्टिंग के डेटाबेस लॉगिन “%5” ने कंप्यूटर %6 से बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="106"/>
        <source>cash matches ledger</source>
        <translation>नकद लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="107"/>
        <source>credit matches ledger</source>
        <translation>क्रेडिट लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="108"/>
        <source>balance is deposits minus withdrawals</source>
        <translation>शेष = जमा − निकासी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="109"/>
        <source>deposits match ledger</source>
        <translation>जमा लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="110"/>
        <source>withdrawals match ledger</source>
        <translation>निकासी लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="111"/>
        <source>credit within limit</source>
        <translation>क्रेडिट सीमा के भीतर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="112"/>
        <source>balance not negative</source>
        <translation>शेष ऋणात्मक नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="113"/>
        <source>last hash matches ledger</source>
        <translation>अंतिम हैश लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="114"/>
        <source>limit matches ledger</source>
        <translation>सीमा लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="115"/>
        <source>approval matches ledger</source>
        <translation>स्वीकृति लेजर से मेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="116"/>
        <source>balance check</source>
        <translation>शेष जाँच</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="166"/>
        <source>month</source>
        <translation>महीने</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="167"/>
        <source>gaming day</source>
        <translation>गेमिंग दिवस</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="169"/>
        <source>fill</source>
        <translation>फ़िल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="170"/>
        <source>credit</source>
        <translation>क्रेडिट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="171"/>
        <source>fund</source>
        <translation>बैंक में नकद लाना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="172"/>
        <source>remit</source>
        <translation>बैंक से प्रेषण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="173"/>
        <source>temporary credit</source>
        <translation>अस्थायी क्रेडिट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="19"/>
        <source>As a %1 you cannot %2; ask a %3.</source>
        <translation>%1 के रूप में आप यह नहीं कर सकते: %2; किसी %3 से कहें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="20"/>
        <source>As an %1 you cannot %2; ask a %3.</source>
        <translation>%1 के रूप में आप यह नहीं कर सकते: %2; किसी %3 से कहें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="21"/>
        <source>Only a supervisor can approve a %1 (%2 is a %3); nothing was posted.</source>
        <translation>%1 केवल सुपरवाइज़र स्वीकृत कर सकता है (%2 %3 है); कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="22"/>
        <source>Only a supervisor may resolve an integrity alert.</source>
        <translation>इंटीग्रिटी चेतावनी केवल सुपरवाइज़र निपटा सकता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="23"/>
        <source>Only a supervisor can administer staff (%1 is a %2).</source>
        <translation>कर्मचारियों का प्रबंधन केवल सुपरवाइज़र कर सकता है (%1 %2 है)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="25"/>
        <source>You filed this request; another floor manager or supervisor must decide it.</source>
        <translation>यह अनुरोध आपने दर्ज किया है; इसका निर्णय कोई दूसरा फ़्लोर मैनेजर या सुपरवाइज़र करेगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="26"/>
        <source>A limit of %1 is above your approval authority of %2.</source>
        <translation>%1 की सीमा आपके %2 के स्वीकृति अधिकार से अधिक है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="27"/>
        <source>A limit of %1 is above the approval authority of %2 (%3).</source>
        <translation>%1 की सीमा %2 के स्वीकृति अधिकार (%3) से अधिक है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="28"/>
        <source>The limit %1 is above the approval authority of %2 (%3); nothing was posted.</source>
        <translation>सीमा %1, %2 के स्वीकृति अधिकार (%3) से अधिक है; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="29"/>
        <source>Give a reason for denying the request.</source>
        <translation>अनुरोध अस्वीकार करने का कारण दें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="30"/>
        <source>Credit request %1 was already %2 by %3.</source>
        <translation>क्रेडिट अनुरोध %1 पहले ही %3 द्वारा %2 हो चुका है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="31"/>
        <source>Credit request %1 was already %2.</source>
        <translation>क्रेडिट अनुरोध %1 पहले ही %2 हो चुका है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="32"/>
        <source>There is no credit request %1.</source>
        <translation>क्रेडिट अनुरोध %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="34"/>
        <source>%1 must enter their PIN to approve this.</source>
        <translation>इसे स्वीकृत करने के लिए %1 को अपना पिन दर्ज करना होगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="35"/>
        <source>You cannot approve your own transaction; another staff member must.</source>
        <translation>आप अपना ही लेन-देन स्वीकृत नहीं कर सकते; किसी दूसरे कर्मचारी को करना होगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="36"/>
        <source>%1 is a %2 and cannot approve; ask a floor manager or supervisor.</source>
        <translation>%1 %2 है और स्वीकृति नहीं दे सकता; किसी फ़्लोर मैनेजर या सुपरवाइज़र से कहें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="37"/>
        <source>The approver named on the posting (%1) is not the one who entered their PIN (%2).</source>
        <translation>पोस्टिंग पर नामित स्वीकृतकर्ता (%1) वह नहीं है जिसने पिन दर्ज किया (%2)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="38"/>
        <source>The %1 named (%2) is not the one who entered their PIN (%3); nothing was posted.</source>
        <translation>नामित %1 (%2) वह नहीं है जिसने पिन दर्ज किया (%3); कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="39"/>
        <source>The %1 (%2) must enter their PIN at this terminal; nothing was posted.</source>
        <translation>%1 (%2) को इसी टर्मिनल पर अपना पिन दर्ज करना होगा; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="40"/>
        <source>Staff member %1 is a %2 and cannot approve; nothing was posted.</source>
        <translation>कर्मचारी %1 %2 है और स्वीकृति नहीं दे सकता; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="41"/>
        <source>Staff member %1 is disabled and cannot approve; nothing was posted.</source>
        <translation>कर्मचारी %1 निष्क्रिय है और स्वीकृति नहीं दे सकता; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="42"/>
        <source>The approver must be someone other than the issuer (%1); nothing was posted.</source>
        <translation>स्वीकृतकर्ता जारी करने वाले (%1) से अलग व्यक्ति होना चाहिए; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="43"/>
        <source>There is no staff member “%1” to approve this; nothing was posted.</source>
        <translation>इसे स्वीकृत करने के लिए “%1” नाम का कोई कर्मचारी नहीं है; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="44"/>
        <source>A %1 of %2 needs a second person: a floor manager or supervisor must approve it with their PIN.</source>
        <translation>%2 का %1 दूसरे व्यक्ति की माँग करता है: फ़्लोर मैनेजर या सुपरवाइज़र अपने पिन से स्वीकृत करे।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="46"/>
        <source>A %1 needs an approver; nothing was posted.</source>
        <translation>%1 के लिए स्वीकृतकर्ता चाहिए; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="47"/>
        <source>A %1 needs an approver.</source>
        <translation>%1 के लिए स्वीकृतकर्ता चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="48"/>
        <source>A %1 needs a reason.</source>
        <translation>%1 के लिए कारण चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="50"/>
        <source>%1 is no longer an active staff member; log in again.</source>
        <translation>%1 अब सक्रिय कर्मचारी नहीं है; फिर से लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="51"/>
        <source>%1 is no longer an active staff member.</source>
        <translation>%1 अब सक्रिय कर्मचारी नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="52"/>
        <source>Log in at the terminal first: the ledger needs your staff session. Nothing was posted.</source>
        <translation>पहले टर्मिनल पर लॉग इन करें: लेजर को आपका कर्मचारी सत्र चाहिए। कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="53"/>
        <source>Log in at the terminal first: the ledger needs your staff session.</source>
        <translation>पहले टर्मिनल पर लॉग इन करें: लेजर को आपका कर्मचारी सत्र चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="54"/>
        <source>That staff session is not valid; log in again.</source>
        <translation>वह कर्मचारी सत्र मान्य नहीं है; फिर से लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="55"/>
        <source>The staff session of %1 has ended; log in again.</source>
        <translation>%1 का कर्मचारी सत्र समाप्त हो गया है; फिर से लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="56"/>
        <source>The PIN of %1 must be re-set by a supervisor before it can be used.</source>
        <translation>%1 का पिन उपयोग से पहले सुपरवाइज़र द्वारा फिर से सेट किया जाना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="57"/>
        <source>%1 is locked after too many wrong PINs until %2 (database time); ask a supervisor to reset the PIN.</source>
        <translation>बहुत अधिक ग़लत पिन के कारण %1 %2 (डेटाबेस समय) तक लॉक है; पिन रीसेट के लिए सुपरवाइज़र से कहें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="59"/>
        <source>%1 is locked after too many wrong PINs on this terminal until %2 UTC; the ledger is offline.</source>
        <translation>इस टर्मिनल पर बहुत अधिक ग़लत पिन के कारण %1 %2 UTC तक लॉक है; लेजर ऑफ़लाइन है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="61"/>
        <source>Too many wrong PINs: %1 is locked on this terminal until %2 UTC.</source>
        <translation>बहुत अधिक ग़लत पिन: %1 इस टर्मिनल पर %2 UTC तक लॉक है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="62"/>
        <source>A PIN is %1 to 12 digits.</source>
        <translation>पिन %1 से 12 अंकों का होता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="63"/>
        <source>That is not a staff id.</source>
        <translation>यह कर्मचारी आईडी नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="65"/>
        <source>Shift %1 belongs to %2; only they or a supervisor can close it.</source>
        <translation>शिफ़्ट %1, %2 की है; इसे केवल वही या कोई सुपरवाइज़र बंद कर सकता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="66"/>
        <source>%1 postings are still waiting for the ledger; the shift can be closed once they are posted.</source>
        <translation>%1 पोस्टिंग अभी लेजर की प्रतीक्षा में हैं; उनके पोस्ट होने के बाद शिफ़्ट बंद हो सकती है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="68"/>
        <source>%1 posting is still waiting for the ledger; the shift can be closed once they are posted.</source>
        <translation>%1 पोस्टिंग अभी लेजर की प्रतीक्षा में है; उसके पोस्ट होने के बाद शिफ़्ट बंद हो सकती है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="70"/>
        <source>There is no shift %1.</source>
        <translation>शिफ़्ट %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="71"/>
        <source>You cannot sign off your own shift; another supervisor must.</source>
        <translation>आप अपनी ही शिफ़्ट पर हस्ताक्षर नहीं कर सकते; किसी दूसरे सुपरवाइज़र को करना होगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="72"/>
        <source>Shift %1 has a variance of %2: write what was found before signing off.</source>
        <translation>शिफ़्ट %1 में %2 का अंतर है: हस्ताक्षर से पहले लिखें कि क्या पाया गया।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="73"/>
        <source>You cannot see another cashier&apos;s shift report; ask a supervisor.</source>
        <translation>आप किसी दूसरे कैशियर की शिफ़्ट रिपोर्ट नहीं देख सकते; सुपरवाइज़र से कहें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="74"/>
        <source>Terminal %1 already has an open shift; close it first.</source>
        <translation>टर्मिनल %1 पर पहले से एक शिफ़्ट खुली है; पहले उसे बंद करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="75"/>
        <source>The count adds up to %1, not %2.</source>
        <translation>गिनती का जोड़ %1 है, %2 नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="76"/>
        <source>Give the opening float: an amount or a count by denomination.</source>
        <translation>आरंभिक नकदी दें: एक राशि या मूल्यवर्ग के अनुसार गिनती।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="77"/>
        <source>The opening float cannot be negative.</source>
        <translation>आरंभिक नकदी ऋणात्मक नहीं हो सकती।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="78"/>
        <source>Shift %1 is already closed.</source>
        <translation>शिफ़्ट %1 पहले ही बंद है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="79"/>
        <source>Shift %1 is closed; open a shift on this terminal first. Nothing was posted.</source>
        <translation>शिफ़्ट %1 बंद है; पहले इस टर्मिनल पर शिफ़्ट खोलें। कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="80"/>
        <source>Shift %1 was already signed off by %2.</source>
        <translation>शिफ़्ट %1 पर %2 पहले ही हस्ताक्षर कर चुके हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="81"/>
        <source>Shift %1 is still open; it is signed off after its count.</source>
        <translation>शिफ़्ट %1 अभी खुली है; उस पर हस्ताक्षर उसकी गिनती के बाद होते हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="82"/>
        <source>Shift %1 is not the open shift of terminal %2; nothing was posted.</source>
        <translation>शिफ़्ट %1 टर्मिनल %2 की खुली शिफ़्ट नहीं है; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="83"/>
        <source>Shift %1 at terminal %2 is %3&apos;s drawer and only they post into it: hand the drawer over first (a handover); nothing was posted.</source>
        <translation>टर्मिनल %2 पर शिफ़्ट %1, %3 की दराज़ है और इसमें केवल वही पोस्ट कर सकते हैं: पहले दराज़ सौंपी जाए (हैंडओवर); कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="85"/>
        <source>The ledger is offline and no open shift is known on this terminal; nothing can be taken until a shift is open.</source>
        <translation>लेजर ऑफ़लाइन है और इस टर्मिनल पर कोई खुली शिफ़्ट ज्ञात नहीं है; शिफ़्ट खुलने तक कुछ नहीं लिया जा सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="87"/>
        <source>%1 pieces of %2 is not a plausible count.</source>
        <translation>%2 के %1 नग विश्वसनीय गिनती नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="88"/>
        <source>Denomination %1 is counted twice.</source>
        <translation>मूल्यवर्ग %1 दो बार गिना गया है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="89"/>
        <source>The quantity for %1 must be a whole number.</source>
        <translation>%1 की संख्या पूर्ण संख्या होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="90"/>
        <source>The quantity for %1 cannot be negative.</source>
        <translation>%1 की संख्या ऋणात्मक नहीं हो सकती।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="91"/>
        <source>%1 is not a denomination of this currency (%2).</source>
        <translation>%1 इस मुद्रा का मूल्यवर्ग नहीं है (%2)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="93"/>
        <source>Posting %1 has already been reversed.</source>
        <translation>पोस्टिंग %1 पहले ही उलटी जा चुकी है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="94"/>
        <source>There is no posting %1 to reverse.</source>
        <translation>उलटने के लिए पोस्टिंग %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="95"/>
        <source>A reversal must be for the original amount, %1.</source>
        <translation>उलटाव मूल राशि %1 का ही होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="96"/>
        <source>Posting %1 belongs to player %2, not %3.</source>
        <translation>पोस्टिंग %1 खिलाड़ी %2 की है, %3 की नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="97"/>
        <source>Say which posting to reverse.</source>
        <translation>बताएँ कि कौन-सी पोस्टिंग उलटनी है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="98"/>
        <source>Alert %1 was already resolved (%2).</source>
        <translation>चेतावनी %1 पहले ही निपटाई जा चुकी है (%2)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="99"/>
        <source>Alert %1 still holds (%2); adopt or revert it instead.</source>
        <translation>चेतावनी %1 अभी भी बनी है (%2); इसके बजाय इसे अपनाएँ या वापस करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="100"/>
        <source>There is no alert %1.</source>
        <translation>चेतावनी %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="101"/>
        <source>Reverting would leave player %1 at cash %2, credit %3 of limit %4 (postings were made on top of the outside change); adopt it instead.</source>
        <translation>वापस करने से खिलाड़ी %1 के पास नकद %2 और सीमा %4 में से क्रेडिट %3 रह जाएगा (बाहरी बदलाव के बाद पोस्टिंग हुई हैं); इसके बजाय इसे अपनाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="104"/>
        <source>player %1: %2: expected %3, found %4</source>
        <translation>खिलाड़ी %1: %2: अपेक्षित %3, मिला %4</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="105"/>
        <source>player %1: posting %2 (#%3): %4</source>
        <translation>खिलाड़ी %1: पोस्टिंग %2 (#%3): %4</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="106"/>
        <source>player %1: hash chain: %2</source>
        <translation>खिलाड़ी %1: हैश शृंखला: %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="107"/>
        <source>chain anchors: %1</source>
        <translation>शृंखला एंकर: %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="108"/>
        <source>Alert %1 adopted: %2 of %3 recorded as posting %4; player %5&apos;s balances are unchanged.</source>
        <translation>चेतावनी %1 अपनाई गई: %3 का %2 पोस्टिंग %4 के रूप में दर्ज; खिलाड़ी %5 के शेष नहीं बदले।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="110"/>
        <source>Alert %1 reverted: player %2&apos;s columns restored from the ledger.</source>
        <translation>चेतावनी %1 पलटी गई: खिलाड़ी %2 के कॉलम लेजर से बहाल किए गए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="111"/>
        <source>Alert %1 dismissed: player %2 agrees with the ledger.</source>
        <translation>चेतावनी %1 ख़ारिज: खिलाड़ी %2 लेजर से मेल खाता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="113"/>
        <source>The ledger is offline: a %1 cannot be made until it is back.</source>
        <translation>लेजर ऑफ़लाइन है: उसके लौटने तक %1 नहीं किया जा सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="114"/>
        <source>A %1 cannot be taken offline; nothing was posted.</source>
        <translation>%1 ऑफ़लाइन नहीं लिया जा सकता; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="115"/>
        <source>Terminal %1 may take at most %2 per posting and %3 per shift offline; nothing was posted.</source>
        <translation>टर्मिनल %1 ऑफ़लाइन में प्रति पोस्टिंग अधिकतम %2 और प्रति शिफ़्ट %3 ले सकता है; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="117"/>
        <source>The terminal&apos;s journal is busy in another program; nothing was posted. Try again.</source>
        <translation>टर्मिनल का जर्नल किसी दूसरे प्रोग्राम में व्यस्त है; कुछ भी पोस्ट नहीं हुआ। फिर से प्रयास करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="119"/>
        <source>This cage works in %1, not %2.</source>
        <translation>यह केज %1 में काम करता है, %2 में नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="120"/>
        <source>Player %1 no longer exists.</source>
        <translation>खिलाड़ी %1 अब मौजूद नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="121"/>
        <source>The amount must be positive; nothing was posted.</source>
        <translation>राशि धनात्मक होनी चाहिए; कुछ भी पोस्ट नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="122"/>
        <source>The amount must be positive; use the other action to take money out.</source>
        <translation>राशि धनात्मक होनी चाहिए; पैसा निकालने के लिए दूसरी क्रिया चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="123"/>
        <source>Enter an amount after the currency sign.</source>
        <translation>मुद्रा चिह्न के बाद राशि दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="124"/>
        <source>“%1” is not an amount: only digits, commas and one decimal point.</source>
        <translation>“%1” राशि नहीं है: केवल अंक, अल्पविराम और एक दशमलव बिंदु।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="125"/>
        <source>“%1” is not a well-formed amount; check the commas and the decimal point.</source>
        <translation>“%1” सही रूप की राशि नहीं है; अल्पविराम और दशमलव बिंदु जाँचें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="126"/>
        <source>“%1” is not an amount.</source>
        <translation>“%1” राशि नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="127"/>
        <source>Amounts have at most two decimal places (paise/cents).</source>
        <translation>राशि में अधिकतम दो दशमलव स्थान होते हैं (पैसे)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="128"/>
        <source>That amount is too large to record.</source>
        <translation>यह राशि दर्ज करने के लिए बहुत बड़ी है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="129"/>
        <source>That is not a player id (letters, digits, “-”, “_” or “.”, at most 64).</source>
        <translation>यह खिलाड़ी आईडी नहीं है (अक्षर, अंक, “-”, “_” या “.”, अधिकतम 64)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="130"/>
        <source>That is not a receipt code (it should start with “CDR1:” as printed in the QR code).</source>
        <translation>यह रसीद कोड नहीं है (QR कोड में छपे अनुसार इसे “CDR1:” से शुरू होना चाहिए)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="131"/>
        <source>The receipt code&apos;s posting id is damaged.</source>
        <translation>रसीद कोड की पोस्टिंग आईडी क्षतिग्रस्त है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="132"/>
        <source>The receipt code&apos;s hash is damaged (it should be 64 hexadecimal digits).</source>
        <translation>रसीद कोड का हैश क्षतिग्रस्त है (इसमें 64 हेक्साडेसिमल अंक होने चाहिए)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="136"/>
        <source>The notes come to %1 but the amount is %2; nothing was posted.</source>
        <translation>नोट %1 के हैं पर राशि %2 है; कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="137"/>
        <source>“%1” is not DENOMINATIONxPIECES (e.g. 500x4).</source>
        <translation>“%1” मूल्यवर्गxनग नहीं है (जैसे 500x4)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="138"/>
        <source>The notes of %1 are given twice.</source>
        <translation>%1 के नोट दो बार दिए गए हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="139"/>
        <source>The pieces of %1 must be a whole number.</source>
        <translation>%1 के नग पूर्ण संख्या होने चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="140"/>
        <source>%1 pieces of %2 is not a plausible number of notes.</source>
        <translation>%2 के %1 नग नोटों की विश्वसनीय संख्या नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="141"/>
        <source>The notes in and out come to %1 but this posting moves %2 in the drawer; nothing was posted.</source>
        <translation>आए और गए नोट %1 के हैं पर यह पोस्टिंग दराज़ में %2 बदलती है; कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="144"/>
        <source>The drawer cannot pay out %1: that is more than it should hold. Request a fill from the main bank; nothing was posted.</source>
        <translation>दराज़ %1 नहीं दे सकती: यह उसमें होनी चाहिए रकम से ज़्यादा है। मुख्य बैंक से फ़िल मँगाइए; कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="158"/>
        <source>Handover %1 was already made with different details; nothing was changed.</source>
        <translation>हैंडओवर %1 पहले ही दूसरे विवरण के साथ हो चुका है; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="159"/>
        <source>Handover %1 was made at terminal %2, not %3; nothing was changed.</source>
        <translation>हैंडओवर %1 टर्मिनल %2 पर हुआ था, %3 पर नहीं; कुछ नहीं बदला।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="174"/>
        <source>cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="175"/>
        <source>floor manager</source>
        <translation>फ़्लोर मैनेजर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="176"/>
        <source>supervisor</source>
        <translation>सुपरवाइज़र</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="177"/>
        <source>approver</source>
        <translation>स्वीकृतकर्ता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="178"/>
        <source>approved</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="179"/>
        <source>denied</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="180"/>
        <source>take a deposit</source>
        <translation>जमा लेना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="181"/>
        <source>pay a withdrawal</source>
        <translation>निकासी का भुगतान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="182"/>
        <source>issue a marker</source>
        <translation>मार्कर जारी करना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="183"/>
        <source>redeem a marker</source>
        <translation>मार्कर भुनाना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="184"/>
        <source>open a shift</source>
        <translation>शिफ़्ट खोलना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="185"/>
        <source>close a shift</source>
        <translation>शिफ़्ट बंद करना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="186"/>
        <source>file a credit request</source>
        <translation>क्रेडिट अनुरोध दर्ज करना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="187"/>
        <source>approve credit</source>
        <translation>क्रेडिट स्वीकृत करना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="188"/>
        <source>deny credit</source>
        <translation>क्रेडिट अस्वीकार करना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="189"/>
        <source>authorise a dual-control step</source>
        <translation>दोहरे नियंत्रण का चरण अधिकृत करना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="190"/>
        <source>reverse a posting</source>
        <translation>पोस्टिंग उलटना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="191"/>
        <source>adjust a balance</source>
        <translation>शेष समायोजित करना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="192"/>
        <source>sign off a shift</source>
        <translation>शिफ़्ट पर हस्ताक्षर करना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="193"/>
        <source>manage staff</source>
        <translation>कर्मचारियों का प्रबंधन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="194"/>
        <source>run reports</source>
        <translation>रिपोर्ट चलाना</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="195"/>
        <source>sign for the main bank</source>
        <translation>मुख्य बैंक की ओर से हस्ताक्षर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="197"/>
        <source>hash does not match its chain (row altered, inserted or a predecessor deleted)</source>
        <translation>हैश अपनी शृंखला से मेल नहीं खाता (पंक्ति बदली गई, जोड़ी गई या पिछली पंक्ति हटाई गई)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="199"/>
        <source>player columns or last hash differ from the newest ledger row</source>
        <translation>खिलाड़ी के कॉलम या अंतिम हैश लेजर की नवीनतम पंक्ति से भिन्न हैं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/refusal_sentences.py" line="201"/>
        <source>player has a chain hash but no ledger rows</source>
        <translation>खिलाड़ी का शृंखला हैश है पर लेजर में कोई पंक्ति नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="16"/>
        <source>The %1 rate changed since it was quoted; quote the player again. Nothing was posted.</source>
        <translation>बताने के बाद %1 की दर बदल गई; खिलाड़ी को फिर से दर बताएँ। कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="18"/>
        <source>There is no %1 rate in force; a supervisor must set one.</source>
        <translation>%1 की कोई दर लागू नहीं है; सुपरवाइज़र को दर तय करनी होगी।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="19"/>
        <source>The cage does not exchange %1.</source>
        <translation>केज %1 का विनिमय नहीं करता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="20"/>
        <source>An exchange of %1 must name the player (the MTL logs it); nothing was posted.</source>
        <translation>%1 के विनिमय में खिलाड़ी का नाम ज़रूरी है (MTL में दर्ज होता है); कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="21"/>
        <source>This takes the player&apos;s cash this gaming day to %1, over the reporting threshold of %2: this exchange needs the player&apos;s identification (type and number). Nothing was posted.</source>
        <translation>इससे आज के गेमिंग दिन में खिलाड़ी का नकद %1 हो जाता है, जो %2 की रिपोर्टिंग सीमा से ऊपर है: इस विनिमय के लिए खिलाड़ी की पहचान (प्रकार और संख्या) चाहिए। कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="24"/>
        <source>This takes the player&apos;s cash this month to %1, over the reporting threshold of %2: this exchange needs the player&apos;s identification (type and number). Nothing was posted.</source>
        <translation>इससे इस महीने खिलाड़ी का नकद %1 हो जाता है, जो %2 की रिपोर्टिंग सीमा से ऊपर है: इस विनिमय के लिए खिलाड़ी की पहचान (प्रकार और संख्या) चाहिए। कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="27"/>
        <source>An exchange is taken at a terminal, by a terminal login.</source>
        <translation>विनिमय टर्मिनल पर, टर्मिनल लॉगिन से ही होता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="28"/>
        <source>An exchange is between %1 and a foreign currency.</source>
        <translation>विनिमय %1 और किसी विदेशी मुद्रा के बीच होता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="29"/>
        <source>This needs the ledger: log in again when the terminal is back online.</source>
        <translation>इसके लिए लेजर चाहिए: टर्मिनल के फिर से ऑनलाइन होने पर दोबारा लॉग इन करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="31"/>
        <source>A exchange of %1 is above the authority of %2 (%3): a second person must approve it with their PIN. Nothing was posted.</source>
        <translation>%1 का विनिमय %2 के अधिकार (%3) से ऊपर है: दूसरे व्यक्ति को अपने पिन से स्वीकृत करना होगा। कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="33"/>
        <source>A %1 of %2 is above the authority of %3 (%4): a second person must approve it with their PIN. Nothing was posted.</source>
        <translation>%2 की %1 %3 के अधिकार (%4) से ऊपर है: दूसरे व्यक्ति को अपने पिन से स्वीकृत करना होगा। कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="35"/>
        <source>A exchange of %1 is above the authority of the approver %2 (%3); nothing was posted.</source>
        <translation>%1 का विनिमय स्वीकृतकर्ता %2 के अधिकार (%3) से ऊपर है; कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="37"/>
        <source>A %1 of %2 is above the authority of the approver %3 (%4); nothing was posted.</source>
        <translation>%2 की %1 स्वीकृतकर्ता %3 के अधिकार (%4) से ऊपर है; कुछ दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="38"/>
        <source>The approver must be someone other than the two who sign (%1); nothing was posted.</source>
        <translation>स्वीकृति देने वाला हस्ताक्षर करने वाले दोनों के अलावा कोई और होना चाहिए (%1); कुछ भी दर्ज नहीं हुआ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="40"/>
        <source>The approver must be someone other than the two who sign.</source>
        <translation>स्वीकृति देने वाला हस्ताक्षर करने वाले दोनों के अलावा कोई और होना चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="41"/>
        <source>You cannot set your own authority limit; another supervisor must.</source>
        <translation>आप अपनी अधिकार सीमा स्वयं तय नहीं कर सकते; किसी दूसरे सुपरवाइज़र को करनी होगी।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="42"/>
        <source>Give a reason for the authority limit.</source>
        <translation>अधिकार सीमा का कारण बताएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="43"/>
        <source>“%1” is not a transaction type with an authority limit (%2).</source>
        <translation>“%1” अधिकार सीमा वाला लेन-देन प्रकार नहीं है (%2)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="45"/>
        <source>As a %1 you cannot set an exchange rate; ask a supervisor.</source>
        <translation>%1 के रूप में आप विनिमय दर तय नहीं कर सकते; सुपरवाइज़र से कहें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="46"/>
        <source>The buy rate cannot be higher than the sell rate: the cage would lose on every pair.</source>
        <translation>ख़रीद दर बिक्री दर से ऊँची नहीं हो सकती: हर जोड़ी पर केज को घाटा होगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="48"/>
        <source>A rate needs a positive buy rate no higher than the sell rate.</source>
        <translation>दर के लिए धनात्मक ख़रीद दर चाहिए जो बिक्री दर से ऊँची न हो।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="50"/>
        <source>A temporary line is approved by someone other than who asked for it, with their PIN.</source>
        <translation>अस्थायी सीमा माँगने वाले के अलावा कोई और अपने पिन से स्वीकृत करता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="52"/>
        <source>A temporary line is approved by someone other than who asked for it.</source>
        <translation>अस्थायी सीमा माँगने वाले के अलावा कोई और स्वीकृत करता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="53"/>
        <source>A temporary line is approved by a second person with their PIN.</source>
        <translation>अस्थायी सीमा दूसरा व्यक्ति अपने पिन से स्वीकृत करता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="54"/>
        <source>A temporary line lasts 1 to %1 days.</source>
        <translation>अस्थायी सीमा 1 से %1 दिनों तक रहती है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="55"/>
        <source>A temporary line needs an expiry in the future.</source>
        <translation>अस्थायी सीमा की समाप्ति भविष्य में होनी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cage_sentences.py" line="56"/>
        <source>Give a reason for the temporary line.</source>
        <translation>अस्थायी सीमा का कारण बताएँ।</translation>
    </message>
</context>
<context>
    <name>ErrorCode</name>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="120"/>
        <source>refused</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="121"/>
        <source>invalid amount</source>
        <translation>अमान्य राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="122"/>
        <source>invalid input</source>
        <translation>अमान्य प्रविष्टि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="123"/>
        <source>insufficient funds</source>
        <translation>अपर्याप्त नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="124"/>
        <source>credit limit exceeded</source>
        <translation>क्रेडिट सीमा पार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="125"/>
        <source>credit not approved</source>
        <translation>क्रेडिट स्वीकृत नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="126"/>
        <source>marker overpaid</source>
        <translation>मार्कर का अधिक भुगतान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="127"/>
        <source>player not found</source>
        <translation>खिलाड़ी नहीं मिला</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="128"/>
        <source>posting not found</source>
        <translation>पोस्टिंग नहीं मिली</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="129"/>
        <source>not reversible</source>
        <translation>उलटा नहीं जा सकता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="130"/>
        <source>already reversed</source>
        <translation>पहले ही उलटा गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="131"/>
        <source>idempotency conflict</source>
        <translation>आईडी टकराव</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="132"/>
        <source>not authorized</source>
        <translation>अधिकार नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="133"/>
        <source>authentication failed</source>
        <translation>पहचान विफल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="134"/>
        <source>account locked</source>
        <translation>खाता लॉक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="135"/>
        <source>approval required</source>
        <translation>स्वीकृति आवश्यक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="136"/>
        <source>identification required</source>
        <translation>पहचान आवश्यक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="137"/>
        <source>shift not open</source>
        <translation>शिफ़्ट खुली नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="138"/>
        <source>shift error</source>
        <translation>शिफ़्ट त्रुटि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="139"/>
        <source>currency mismatch</source>
        <translation>मुद्रा बेमेल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="140"/>
        <source>offline not allowed</source>
        <translation>ऑफ़लाइन अनुमति नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="141"/>
        <source>in doubt</source>
        <translation>संदिग्ध</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="142"/>
        <source>configuration error</source>
        <translation>विन्यास त्रुटि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/domain_text.py" line="143"/>
        <source>ledger unavailable</source>
        <translation>लेजर उपलब्ध नहीं</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="36"/>
        <source>Player buys %1 (pays in foreign cash)</source>
        <translation>खिलाड़ी %1 ख़रीदता है (विदेशी नकद देकर)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="37"/>
        <source>Player buys foreign cash (pays in %1)</source>
        <translation>खिलाड़ी विदेशी नकद ख़रीदता है (%1 में भुगतान)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="54"/>
        <source>Currency exchange</source>
        <translation>मुद्रा विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="56"/>
        <source>for player &lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>खिलाड़ी &lt;b&gt;%1&lt;/b&gt; %2 के लिए</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="57"/>
        <source>no player named (find one first with F2 to name them)</source>
        <translation>कोई खिलाड़ी नहीं चुना गया (नाम देने के लिए पहले F2 से खोजें)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="58"/>
        <source>&lt;b&gt;Currency exchange&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;मुद्रा विनिमय&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="64"/>
        <source>Direction</source>
        <translation>दिशा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="66"/>
        <source>Foreign currency</source>
        <translation>विदेशी मुद्रा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="68"/>
        <source>Foreign amount</source>
        <translation>विदेशी राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="69"/>
        <source>Loading the rates in force…</source>
        <translation>लागू दरें लोड हो रही हैं…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="74"/>
        <source>Amount in %1</source>
        <translation>%1 में राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="77"/>
        <source>&amp;Direction</source>
        <translation>दिशा (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="78"/>
        <source>&amp;Currency</source>
        <translation>मुद्रा (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="79"/>
        <source>Foreign &amp;amount</source>
        <translation>विदेशी राशि (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="83"/>
        <source>Second staff member</source>
        <translation>दूसरा कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="85"/>
        <source>Approver staff id</source>
        <translation>स्वीकृतकर्ता की कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="88"/>
        <source>Approver PIN</source>
        <translation>स्वीकृतकर्ता का पिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="92"/>
        <source>Staff &amp;id</source>
        <translation>कर्मचारी आईडी (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="93"/>
        <source>&amp;PIN</source>
        <translation>पिन (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="95"/>
        <source>Player identification</source>
        <translation>खिलाड़ी की पहचान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="100"/>
        <source>Identification type</source>
        <translation>पहचान का प्रकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="102"/>
        <source>Identification number</source>
        <translation>पहचान संख्या</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="106"/>
        <source>&amp;Type</source>
        <translation>प्रकार (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="107"/>
        <source>&amp;Number</source>
        <translation>संख्या (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="112"/>
        <source>Refusal</source>
        <translation>इनकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="114"/>
        <source>Exchange (Enter)</source>
        <translation>विनिमय (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="118"/>
        <source>Cancel (Esc)</source>
        <translation>रद्द करें (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="167"/>
        <source>No exchange rate is set: a supervisor sets them (Cage settings).</source>
        <translation>कोई विनिमय दर तय नहीं है: सुपरवाइज़र इन्हें तय करते हैं (केज सेटिंग्स)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="202"/>
        <source>Rate in force: %1 (%2 rate, set %3 by %4)</source>
        <translation>लागू दर: %1 (%2 दर, %3 को %4 ने तय की)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="204"/>
        <source>buy</source>
        <translation>ख़रीद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="204"/>
        <source>sell</source>
        <translation>बिक्री</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="215"/>
        <source>The player gets %1 for %2.</source>
        <translation>खिलाड़ी को %2 के बदले %1 मिलते हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="215"/>
        <source>The player pays %1 for %2.</source>
        <translation>खिलाड़ी %2 के लिए %1 देता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="232"/>
        <source>Enter the foreign amount.</source>
        <translation>विदेशी राशि दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="237"/>
        <source>A second staff member must enter their id and PIN.</source>
        <translation>दूसरे कर्मचारी को अपनी आईडी और पिन दर्ज करना होगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="241"/>
        <source>Enter the type and number of the player&apos;s identification document.</source>
        <translation>खिलाड़ी के पहचान दस्तावेज़ का प्रकार और संख्या दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_dialog.py" line="255"/>
        <source>Exchanging…</source>
        <translation>विनिमय हो रहा है…</translation>
    </message>
</context>
<context>
    <name>ExchangeListDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="25"/>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="26"/>
        <source>Exchange</source>
        <translation>विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="27"/>
        <source>Received</source>
        <translation>प्राप्त</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="27"/>
        <source>Paid</source>
        <translation>दिया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="28"/>
        <source>Rate</source>
        <translation>दर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="28"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="29"/>
        <source>Exchange id</source>
        <translation>विनिमय आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="36"/>
        <source>Exchanges of shift #%1</source>
        <translation>शिफ़्ट #%1 के विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="39"/>
        <source>This shift&apos;s exchanges</source>
        <translation>इस शिफ़्ट के विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="49"/>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="52"/>
        <source>Re&amp;print receipt (Enter)</source>
        <translation>रसीद फिर छापें (&amp;P) (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="55"/>
        <source>&amp;Close (Esc)</source>
        <translation>बंद करें (&amp;C) (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_list.py" line="89"/>
        <source>No exchange in this shift yet.</source>
        <translation>इस शिफ़्ट में अभी कोई विनिमय नहीं।</translation>
    </message>
</context>
<context>
    <name>ExchangeReceipt</name>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="43"/>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="44"/>
        <source>Player buys %1 with %2</source>
        <translation>खिलाड़ी %2 देकर %1 ख़रीदता है</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="56"/>
        <source>Cashier cage</source>
        <translation>कैशियर केज</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="59"/>
        <source>Currency exchange</source>
        <translation>मुद्रा विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="61"/>
        <source>COPY — ALREADY EXCHANGED</source>
        <translation>प्रति — विनिमय पहले ही हो चुका</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="63"/>
        <source>REPRINT</source>
        <translation>पुनर्मुद्रण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="64"/>
        <source>Reprinted</source>
        <translation>पुनर्मुद्रित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="67"/>
        <source>Exchange id</source>
        <translation>विनिमय आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="68"/>
        <source>Date</source>
        <translation>दिनांक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="69"/>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="70"/>
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="71"/>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="74"/>
        <source>Approved by</source>
        <translation>स्वीकृतकर्ता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="75"/>
        <source>not named</source>
        <translation>नाम नहीं दिया गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="78"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="79"/>
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="81"/>
        <source>Received from the player</source>
        <translation>खिलाड़ी से प्राप्त</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="82"/>
        <source>Paid to the player</source>
        <translation>खिलाड़ी को दिया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="83"/>
        <source>Rate</source>
        <translation>दर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="84"/>
        <source>The %1 amount is the foreign amount times the rate, rounded to the paisa.</source>
        <translation>%1 राशि = विदेशी राशि × दर, पैसे तक पूर्णांकित।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="87"/>
        <source>Player&apos;s signature</source>
        <translation>खिलाड़ी के हस्ताक्षर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="88"/>
        <source>Cashier&apos;s signature</source>
        <translation>कैशियर के हस्ताक्षर</translation>
    </message>
</context>
<context>
    <name>ExchangeReceiptDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="107"/>
        <source>REPRINT — </source>
        <translation>पुनर्मुद्रण — </translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/exchange_receipt.py" line="108"/>
        <source>Exchange receipt %1</source>
        <translation>विनिमय रसीद %1</translation>
    </message>
</context>
<context>
    <name>FindingsWindow</name>
    <message>
        <location filename="../../cashier_desktop/ui/findings_window.py" line="20"/>
        <source>Integrity check findings</source>
        <translation>इंटीग्रिटी जाँच के निष्कर्ष</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/findings_window.py" line="24"/>
        <source>Integrity findings</source>
        <translation>इंटीग्रिटी निष्कर्ष</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/findings_window.py" line="27"/>
        <source>Close (Esc)</source>
        <translation>बंद करें (Esc)</translation>
    </message>
</context>
<context>
    <name>ForeignCountLines</name>
    <message>
        <location filename="../../cashier_desktop/ui/foreign_count.py" line="42"/>
        <source>&lt;b&gt;Foreign cash&lt;/b&gt; by note</source>
        <translation>&lt;b&gt;विदेशी नकदी&lt;/b&gt; नोट के हिसाब से</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/foreign_count.py" line="65"/>
        <source>%1 notes counted</source>
        <translation>%1 के गिने गए नोट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/foreign_count.py" line="66"/>
        <source>none (e.g. 100x3, 20x2)</source>
        <translation>कोई नहीं (जैसे 100x3, 20x2)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/foreign_count.py" line="103"/>
        <source> and </source>
        <translation> और </translation>
    </message>
</context>
<context>
    <name>ForeignNotesLine</name>
    <message>
        <location filename="../../cashier_desktop/ui/foreign_notes.py" line="34"/>
        <source>F&amp;oreign notes taken in</source>
        <translation>लिए गए विदेशी नोट (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/foreign_notes.py" line="34"/>
        <source>F&amp;oreign notes paid out</source>
        <translation>दिए गए विदेशी नोट (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/foreign_notes.py" line="35"/>
        <source>Foreign notes taken in</source>
        <translation>लिए गए विदेशी नोट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/foreign_notes.py" line="36"/>
        <source>Foreign notes paid out</source>
        <translation>दिए गए विदेशी नोट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/foreign_notes.py" line="37"/>
        <source>e.g. 100x3, 20x2 (empty: not recorded)</source>
        <translation>जैसे 100x3, 20x2 (ख़ाली: दर्ज नहीं)</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/handover_dialog.py" line="34"/>
        <source>Next: incoming count</source>
        <translation>आगे: आने वाले की गिनती</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/handover_dialog.py" line="40"/>
        <source>Hand over shift #%1</source>
        <translation>शिफ़्ट #%1 सौंपें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/handover_dialog.py" line="44"/>
        <source>Incoming cashier&apos;s staff id</source>
        <translation>आने वाले कैशियर की कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/handover_dialog.py" line="47"/>
        <source>Incoming cashier&apos;s PIN</source>
        <translation>आने वाले कैशियर का पिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/handover_dialog.py" line="51"/>
        <source>&amp;Staff id</source>
        <translation>कर्मचारी आईडी (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/handover_dialog.py" line="52"/>
        <source>&amp;PIN</source>
        <translation>पिन (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/handover_dialog.py" line="72"/>
        <source>Hand over (Enter)</source>
        <translation>सौंपें (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/handover_dialog.py" line="87"/>
        <source>Handing over…</source>
        <translation>सौंप रहे हैं…</translation>
    </message>
</context>
<context>
    <name>IdDocumentDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="72"/>
        <source>&amp;Show picture</source>
        <translation>चित्र दिखाएँ (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="73"/>
        <source>Show the picture of the selected document</source>
        <translation>चुने गए दस्तावेज़ का चित्र दिखाएँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="176"/>
        <source>The picture cannot be shown.</source>
        <translation>चित्र नहीं दिखाया जा सकता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="64"/>
        <source>Identification on file — player %1</source>
        <translation>फ़ाइल में पहचान-पत्र — खिलाड़ी %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="65"/>
        <source>&lt;b&gt;Identification on file&lt;/b&gt; for player &lt;b&gt;%1&lt;/b&gt; %2</source>
        <translation>खिलाड़ी &lt;b&gt;%1&lt;/b&gt; %2 के &lt;b&gt;फ़ाइल में पहचान-पत्र&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="69"/>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="122"/>
        <source>Documents on file</source>
        <translation>फ़ाइल में दस्तावेज़</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="83"/>
        <source>Document type</source>
        <translation>दस्तावेज़ का प्रकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="85"/>
        <source>Document number</source>
        <translation>दस्तावेज़ संख्या</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="87"/>
        <source>Expiry date</source>
        <translation>समाप्ति तिथि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="88"/>
        <source>YYYY-MM-DD</source>
        <translation>वर्ष-माह-दिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="89"/>
        <source>Choose &amp;picture…</source>
        <translation>चित्र चुनें (&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="90"/>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="182"/>
        <source>Picture of the document</source>
        <translation>दस्तावेज़ का चित्र</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="95"/>
        <source>Take p&amp;hoto</source>
        <translation>फ़ोटो लें (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="97"/>
        <source>Take a photo of the document with the camera</source>
        <translation>कैमरे से दस्तावेज़ की फ़ोटो लें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="99"/>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="189"/>
        <source>No picture (optional)</source>
        <translation>कोई चित्र नहीं (वैकल्पिक)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="107"/>
        <source>&amp;Type</source>
        <translation>प्रकार (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="108"/>
        <source>&amp;Number</source>
        <translation>संख्या (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="109"/>
        <source>&amp;Expires</source>
        <translation>समाप्ति (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="110"/>
        <source>Picture</source>
        <translation>चित्र</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="111"/>
        <source>Refusal</source>
        <translation>इनकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="113"/>
        <source>Put on file (Enter)</source>
        <translation>फ़ाइल में रखें (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="115"/>
        <source>Close (Esc)</source>
        <translation>बंद करें (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="156"/>
        <source>None yet.</source>
        <translation>अभी कोई नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="183"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>चित्र (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="199"/>
        <source>No camera is available; choose a picture from a file.</source>
        <translation>कोई कैमरा उपलब्ध नहीं है; फ़ाइल से चित्र चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="205"/>
        <source>Taking the photo…</source>
        <translation>फ़ोटो ली जा रही है…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="218"/>
        <source>Photo taken (%1 KB)</source>
        <translation>फ़ोटो ली गई (%1 KB)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="219"/>
        <source>Photo taken: it is put on file with the document.</source>
        <translation>फ़ोटो ली गई: यह दस्तावेज़ के साथ फ़ाइल में रखी जाएगी।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="224"/>
        <source>The camera did not take the photo (%1); try again or choose a file.</source>
        <translation>कैमरे ने फ़ोटो नहीं ली (%1); फिर से कोशिश करें या फ़ाइल चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="225"/>
        <source>no reason given</source>
        <translation>कोई कारण नहीं बताया गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="237"/>
        <source>Choose the type of the document.</source>
        <translation>दस्तावेज़ का प्रकार चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="241"/>
        <source>Enter the number of the document.</source>
        <translation>दस्तावेज़ की संख्या दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="246"/>
        <source>Putting on file…</source>
        <translation>फ़ाइल में रखा जा रहा है…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="255"/>
        <source>On file (document %1).</source>
        <translation>फ़ाइल में रखा गया (दस्तावेज़ %1)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="30"/>
        <source>valid to %1</source>
        <translation>%1 तक मान्य</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="31"/>
        <source>EXPIRED %1</source>
        <translation>समाप्त %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/id_document_dialog.py" line="32"/>
        <source>picture</source>
        <translation>चित्र</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="37"/>
        <source>Deposit</source>
        <translation>जमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="37"/>
        <source>Withdrawal</source>
        <translation>निकासी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="38"/>
        <source>Marker issue</source>
        <translation>मार्कर जारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="38"/>
        <source>Marker redemption</source>
        <translation>मार्कर भुगतान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="39"/>
        <source>Credit line</source>
        <translation>क्रेडिट सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="39"/>
        <source>Reversal</source>
        <translation>उलटाव</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="40"/>
        <source>Adjustment (in)</source>
        <translation>समायोजन (जमा)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/i18n.py" line="40"/>
        <source>Adjustment (out)</source>
        <translation>समायोजन (निकासी)</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="30"/>
        <source>%1 — log in — terminal %2</source>
        <translation>%1 — लॉग इन — टर्मिनल %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="34"/>
        <source>Terminal &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>टर्मिनल &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="35"/>
        <source>(demo ledger)</source>
        <translation>(डेमो लेजर)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="37"/>
        <source>Terminal id</source>
        <translation>टर्मिनल आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="40"/>
        <source>Staff id</source>
        <translation>कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="44"/>
        <source>PIN</source>
        <translation>पिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="47"/>
        <source>&amp;Log in (Enter)</source>
        <translation>लॉग इन (&amp;L) (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="51"/>
        <source>Login problem</source>
        <translation>लॉगिन समस्या</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="53"/>
        <source>&amp;Staff id</source>
        <translation>कर्मचारी आईडी (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="54"/>
        <source>&amp;PIN</source>
        <translation>पिन (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="89"/>
        <source>Enter your staff id.</source>
        <translation>अपनी कर्मचारी आईडी दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="93"/>
        <source>Enter your PIN.</source>
        <translation>अपना पिन दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/login.py" line="98"/>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="36"/>
        <source>%1 — %2 (%3) — terminal %4</source>
        <translation>%1 — %2 (%3) — टर्मिनल %4</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="43"/>
        <source>&amp;Counter</source>
        <translation>काउंटर (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="52"/>
        <source>Credit &amp;queue</source>
        <translation>क्रेडिट कतार (&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="55"/>
        <source>Mar&amp;kers</source>
        <translation>मार्कर (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="59"/>
        <source>S&amp;hifts &amp;&amp; integrity</source>
        <translation>शिफ़्ट और इंटीग्रिटी (&amp;H)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="62"/>
        <source>&amp;Monitor</source>
        <translation>निगरानी (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="65"/>
        <source>Cage se&amp;ttings</source>
        <translation>केज सेटिंग्स (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="90"/>
        <source>&amp;Shift</source>
        <translation>शिफ़्ट (&amp;S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="91"/>
        <source>&amp;Open shift…</source>
        <translation>शिफ़्ट खोलें… (&amp;O)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="93"/>
        <source>&amp;Close shift (blind count)…</source>
        <translation>शिफ़्ट बंद करें (ब्लाइंड गिनती)… (&amp;C)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="95"/>
        <source>&amp;Hand over to the next cashier…</source>
        <translation>अगले कैशियर को सौंपें (&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="100"/>
        <source>&amp;Fill from the main bank…</source>
        <translation>मुख्य बैंक से फ़िल (&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="101"/>
        <source>C&amp;redit to the main bank…</source>
        <translation>मुख्य बैंक को क्रेडिट (&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="105"/>
        <source>S&amp;ession</source>
        <translation>सत्र (&amp;E)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="106"/>
        <source>&amp;Log out</source>
        <translation>लॉग आउट (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="109"/>
        <source>&amp;Find player</source>
        <translation>खिलाड़ी खोजें (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="112"/>
        <source>Currency exchange</source>
        <translation>मुद्रा विनिमय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/main_window.py" line="173"/>
        <source>none open</source>
        <translation>कोई खुली नहीं</translation>
    </message>
</context>
<context>
    <name>MarkersTab</name>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="37"/>
        <source>Mar&amp;kers</source>
        <translation>मार्कर (&amp;K)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="39"/>
        <source>Due</source>
        <translation>देय तिथि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="39"/>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="41"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="40"/>
        <source>Still owed</source>
        <translation>बाकी देय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="40"/>
        <source>Marker</source>
        <translation>मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="41"/>
        <source>0–30 days</source>
        <translation>0–30 दिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="42"/>
        <source>31–60 days</source>
        <translation>31–60 दिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="42"/>
        <source>61–90 days</source>
        <translation>61–90 दिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="43"/>
        <source>Over 90 days</source>
        <translation>90 दिन से अधिक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="43"/>
        <source>Past due</source>
        <translation>देय तिथि बीती</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="49"/>
        <source>Markers due</source>
        <translation>देय मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="50"/>
        <source>Marker aging</source>
        <translation>मार्करों की अवधि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="51"/>
        <source>&lt;b&gt;Markers due&lt;/b&gt; (and past due) &amp;within</source>
        <translation>&lt;b&gt;देय मार्कर&lt;/b&gt; (और जिनकी देय तिथि बीत चुकी) इतने दिनों में (&amp;W)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="56"/>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="77"/>
        <source> days</source>
        <translation> दिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="57"/>
        <source>Markers due within days</source>
        <translation>इतने दिनों में देय मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="67"/>
        <source>&lt;b&gt;Owed by days since issue&lt;/b&gt;</source>
        <translation>&lt;b&gt;जारी होने के बाद के दिनों के अनुसार बकाया&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="71"/>
        <source>Player id</source>
        <translation>खिलाड़ी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="73"/>
        <source>Temporary line</source>
        <translation>अस्थायी सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="78"/>
        <source>Days until it lapses</source>
        <translation>समाप्त होने तक दिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="80"/>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="81"/>
        <source>why (kept in the credit history)</source>
        <translation>क्यों (क्रेडिट इतिहास में रखा जाता है)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="83"/>
        <source>Approver staff id</source>
        <translation>स्वीकृतकर्ता की कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="86"/>
        <source>Approver PIN</source>
        <translation>स्वीकृतकर्ता का पिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="87"/>
        <source>&amp;Grant temporary line (Enter)</source>
        <translation>अस्थायी सीमा दें (&amp;G) (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="92"/>
        <source>Asked for by you, approved by a second person with their PIN, within their approval authority. It lapses by itself.</source>
        <translation>आप माँगते हैं, दूसरा व्यक्ति अपने पिन से अपनी स्वीकृति सीमा के भीतर स्वीकृत करता है। यह अपने आप समाप्त हो जाती है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="96"/>
        <source>&amp;Player</source>
        <translation>खिलाड़ी (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="97"/>
        <source>&amp;Line</source>
        <translation>सीमा (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="98"/>
        <source>&amp;Days it lasts</source>
        <translation>अवधि (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="99"/>
        <source>&amp;Reason</source>
        <translation>कारण (&amp;R)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="100"/>
        <source>&amp;Approver</source>
        <translation>स्वीकृतकर्ता (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="101"/>
        <source>Approver P&amp;IN</source>
        <translation>स्वीकृतकर्ता का पिन (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="102"/>
        <source>Temporary credit line</source>
        <translation>अस्थायी क्रेडिट सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="108"/>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="148"/>
        <source>(past due)</source>
        <translation>(देय तिथि बीत चुकी)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="162"/>
        <source>%1 (%2 due)</source>
        <translation>%1 (%2 देय)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="170"/>
        <source>Enter the temporary line.</source>
        <translation>अस्थायी सीमा दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/markers_tab.py" line="181"/>
        <source>Temporary line %1 for player %2: %3 for %4 days, approved by %5.</source>
        <translation>खिलाड़ी %2 के लिए अस्थायी सीमा %1: %3, %4 दिनों के लिए, %5 द्वारा स्वीकृत।</translation>
    </message>
</context>
<context>
    <name>MessageLabel</name>
    <message>
        <location filename="../../cashier_desktop/ui/feedback.py" line="79"/>
        <source>Refused</source>
        <translation>अस्वीकृत</translation>
    </message>
</context>
<context>
    <name>MonitorView</name>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="30"/>
        <source>Adopt the outside change (record it in the ledger; balances stay as shown)</source>
        <translation>बाहरी बदलाव अपनाएँ (लेजर में दर्ज करें; शेष जैसे दिख रहे हैं वैसे ही रहेंगे)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="31"/>
        <source>Revert the outside change (restore the columns from the ledger)</source>
        <translation>बाहरी बदलाव पलटें (लेजर से कॉलम बहाल करें)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="32"/>
        <source>Dismiss the alert (only if it no longer holds)</source>
        <translation>चेतावनी ख़ारिज करें (केवल तभी जब वह अब लागू न हो)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="199"/>
        <source>Alert</source>
        <translation>चेतावनी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="199"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="200"/>
        <source>Raised</source>
        <translation>उठाई गई</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="200"/>
        <source>Failed checks</source>
        <translation>विफल जाँचें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="201"/>
        <source>What happened</source>
        <translation>क्या हुआ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="217"/>
        <source>Balance updates</source>
        <translation>शेष के अपडेट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="217"/>
        <source>Sync → published p50/p99</source>
        <translation>सिंक → प्रकाशित p50/p99</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="218"/>
        <source>Sync → terminal p50/p99</source>
        <translation>सिंक → टर्मिनल p50/p99</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="218"/>
        <source>Refused postings (24 h)</source>
        <translation>अस्वीकृत पोस्टिंग (24 घंटे)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="219"/>
        <source>Failed postings (24 h)</source>
        <translation>विफल पोस्टिंग (24 घंटे)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="219"/>
        <source>Consistency score</source>
        <translation>संगति अंक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="220"/>
        <source>Balance accuracy (24 h)</source>
        <translation>शेष की शुद्धता (24 घंटे)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="220"/>
        <source>Relay backlog</source>
        <translation>रिले बैकलॉग</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="221"/>
        <source>Terminals online</source>
        <translation>ऑनलाइन टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="221"/>
        <source>Open alerts</source>
        <translation>खुली चेतावनियाँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="237"/>
        <source>Updates</source>
        <translation>अपडेट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="238"/>
        <source>Publish p99 ms</source>
        <translation>प्रकाशन p99 ms</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="239"/>
        <source>Refusals</source>
        <translation>अस्वीकृतियाँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="239"/>
        <source>Alerts</source>
        <translation>चेतावनियाँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="245"/>
        <source>Open integrity alerts</source>
        <translation>खुली इंटीग्रिटी चेतावनियाँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="256"/>
        <source>&amp;Adopt… (Ctrl+Shift+A)</source>
        <translation>अपनाएँ… (&amp;A) (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="257"/>
        <source>Re&amp;vert… (Ctrl+Shift+V)</source>
        <translation>पलटें… (&amp;V) (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="258"/>
        <source>&amp;Dismiss… (Ctrl+Shift+D)</source>
        <translation>ख़ारिज करें… (&amp;D) (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="266"/>
        <source>&amp;Refresh (Ctrl+F5)</source>
        <translation>ताज़ा करें (&amp;R) (Ctrl+F5)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="271"/>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="308"/>
        <source>%1/min (%2 in the last hour)</source>
        <translation>%1/मिनट (पिछले घंटे में %2)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="318"/>
        <source>%1 rows, oldest %2 s</source>
        <translation>%1 पंक्तियाँ, सबसे पुरानी %2 सेकंड</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="360"/>
        <source>%1 online (%2 pending)</source>
        <translation>%1 ऑनलाइन (%2 लंबित)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="360"/>
        <source>%1 OFFLINE (%2 pending)</source>
        <translation>%1 ऑफ़लाइन (%2 लंबित)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="363"/>
        <source>✖ %1 REFUSED on replay</source>
        <translation>✖ %1 दोबारा भेजने पर अस्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="326"/>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="421"/>
        <source>+%1 more</source>
        <translation>+%1 और</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="328"/>
        <source>%1 of %2</source>
        <translation>%1, कुल %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="235"/>
        <source>Ledger servers</source>
        <translation>लेजर सर्वर</translation>
    </message>
</context>
<context>
    <name>NotesLine</name>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="40"/>
        <source>Notes &amp;paid out</source>
        <translation>भुगतान किए नोट (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="40"/>
        <source>Notes &amp;taken in</source>
        <translation>लिए गए नोट (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="43"/>
        <source>Notes paid out</source>
        <translation>भुगतान किए नोट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="43"/>
        <source>Notes taken in</source>
        <translation>लिए गए नोट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="44"/>
        <source>e.g. 500x4, 100x3 (empty: not recorded)</source>
        <translation>जैसे 500x4, 100x3 (ख़ाली: दर्ज नहीं)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="48"/>
        <source>Notes total</source>
        <translation>नोटों का जोड़</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="79"/>
        <source>not readable</source>
        <translation>पढ़ा नहीं जा सका</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="82"/>
        <source>not recorded</source>
        <translation>दर्ज नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="86"/>
        <source>= %1, not the amount</source>
        <translation>= %1, राशि नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/notes_line.py" line="88"/>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="147"/>
        <source>Offline warning</source>
        <translation>ऑफ़लाइन चेतावनी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="157"/>
        <source>%1 waiting to be sent.</source>
        <translation>%1 भेजे जाने की प्रतीक्षा में।</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="203"/>
        <source>Open shift</source>
        <translation>शिफ़्ट खोलें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="208"/>
        <source>Open shift — terminal %1</source>
        <translation>शिफ़्ट खोलें — टर्मिनल %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="213"/>
        <source>Opening…</source>
        <translation>खुल रही है…</translation>
    </message>
</context>
<context>
    <name>PlayerHistoryDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="43"/>
        <source>History of player %1</source>
        <translation>खिलाड़ी %1 का इतिहास</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="46"/>
        <source>Identification on file: looking…</source>
        <translation>दर्ज पहचान: खोज रहे हैं…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="48"/>
        <source>Identification on file</source>
        <translation>दर्ज पहचान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="51"/>
        <source>&amp;From</source>
        <translation>से (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="55"/>
        <source>From date</source>
        <translation>आरंभ तिथि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="56"/>
        <source>&amp;To</source>
        <translation>तक (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="60"/>
        <source>To date</source>
        <translation>अंतिम तिथि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="62"/>
        <source>Transaction kind</source>
        <translation>लेन-देन का प्रकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="63"/>
        <source>All kinds</source>
        <translation>सभी प्रकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="67"/>
        <source>Shift number</source>
        <translation>शिफ़्ट संख्या</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="68"/>
        <source>shift no.</source>
        <translation>शिफ़्ट सं.</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="70"/>
        <source>&amp;Show (Enter)</source>
        <translation>दिखाएँ (&amp;S) (Enter)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="78"/>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="78"/>
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="78"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="78"/>
        <source>Cash after</source>
        <translation>बाद में नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="79"/>
        <source>Markers after</source>
        <translation>बाद में बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="79"/>
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="79"/>
        <source>Staff</source>
        <translation>कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="79"/>
        <source>Posting id</source>
        <translation>पोस्टिंग आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="80"/>
        <source>Transactions</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="81"/>
        <source>◀ &amp;Newer</source>
        <translation>◀ नए (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="82"/>
        <source>&amp;Older ▶</source>
        <translation>पुराने (&amp;O) ▶</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="87"/>
        <source>Rows shown</source>
        <translation>दिखाई गई पंक्तियाँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="101"/>
        <source>Requested</source>
        <translation>अनुरोध का समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="101"/>
        <source>Line asked</source>
        <translation>माँगी गई सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="101"/>
        <source>Asked by</source>
        <translation>किसने माँगा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="101"/>
        <source>Why</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="102"/>
        <source>Decision</source>
        <translation>निर्णय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="102"/>
        <source>Decided by</source>
        <translation>निर्णयकर्ता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="102"/>
        <source>Decided</source>
        <translation>निर्णय का समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="103"/>
        <source>Line approved</source>
        <translation>स्वीकृत सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="103"/>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="104"/>
        <source>Credit-line history</source>
        <translation>क्रेडिट सीमा का इतिहास</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="111"/>
        <source>&amp;Transactions</source>
        <translation>लेन-देन (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="112"/>
        <source>Credit &amp;line</source>
        <translation>क्रेडिट सीमा (&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="115"/>
        <source>Line changes &amp;&amp; &amp;markers</source>
        <translation>सीमा के बदलाव और मार्कर (&amp;M)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="116"/>
        <source>&amp;Close (Esc)</source>
        <translation>बंद करें (&amp;C) (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="148"/>
        <source>The shift number must be digits only.</source>
        <translation>शिफ़्ट संख्या में केवल अंक हों।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="196"/>
        <source>No transactions match.</source>
        <translation>कोई लेन-देन मेल नहीं खाता।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="198"/>
        <source>Rows %1–%2 of %3</source>
        <translation>पंक्तियाँ %1–%2, कुल %3</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="210"/>
        <source>Identification on file: none recorded.</source>
        <translation>दर्ज पहचान: कोई दर्ज नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="213"/>
        <source>Identification on file: %1 %2, recorded %3 by %4.</source>
        <translation>दर्ज पहचान: %1 %2, %3 को %4 द्वारा दर्ज।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="222"/>
        <source>No credit line has ever been requested.</source>
        <translation>कभी कोई क्रेडिट सीमा नहीं माँगी गई।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="226"/>
        <source>pending</source>
        <translation>लंबित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="226"/>
        <source>approved</source>
        <translation>स्वीकृत</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_history.py" line="227"/>
        <source>denied</source>
        <translation>अस्वीकृत</translation>
    </message>
</context>
<context>
    <name>PlayerPanel</name>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="26"/>
        <source>none approved</source>
        <translation>कोई स्वीकृत नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="39"/>
        <source>Cash on account (can be paid out)</source>
        <translation>खाते में नकद (भुगतान योग्य)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="40"/>
        <source>Credit line</source>
        <translation>क्रेडिट सीमा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="41"/>
        <source>Markers outstanding</source>
        <translation>बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="42"/>
        <source>Credit available</source>
        <translation>उपलब्ध क्रेडिट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="50"/>
        <source>Player balances</source>
        <translation>खिलाड़ी के शेष</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="57"/>
        <source>Live state</source>
        <translation>लाइव स्थिति</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="60"/>
        <source>Integrity alert on this balance</source>
        <translation>इस शेष पर इंटीग्रिटी चेतावनी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="128"/>
        <source>NOT LIVE</source>
        <translation>लाइव नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="137"/>
        <source>Player %1 — %2</source>
        <translation>खिलाड़ी %1 — %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/player_panel.py" line="138"/>
        <source>Player %1</source>
        <translation>खिलाड़ी %1</translation>
    </message>
</context>
<context>
    <name>PlayerSearch</name>
    <message>
        <location filename="../../cashier_desktop/ui/search.py" line="65"/>
        <source>Find player</source>
        <translation>खिलाड़ी खोजें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/search.py" line="71"/>
        <source>Players found</source>
        <translation>मिले खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/search.py" line="73"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/search.py" line="73"/>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/search.py" line="102"/>
        <source>Searching…</source>
        <translation>खोज रहे हैं…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/search.py" line="126"/>
        <source>%1 found</source>
        <translation>%1 मिले</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/search.py" line="127"/>
        <source>(first 20; type more)</source>
        <translation>(पहले 20; और टाइप करें)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/search.py" line="128"/>
        <source>No player matches “%1”.</source>
        <translation>“%1” से कोई खिलाड़ी मेल नहीं खाता।</translation>
    </message>
</context>
<context>
    <name>PostingDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="116"/>
        <source>Identification expiry date</source>
        <translation>पहचान-पत्र की समाप्ति तिथि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="117"/>
        <source>YYYY-MM-DD (optional)</source>
        <translation>वर्ष-माह-दिन (वैकल्पिक)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="126"/>
        <source>E&amp;xpires</source>
        <translation>समाप्ति (&amp;X)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="133"/>
        <source>Use the identification on file</source>
        <translation>फ़ाइल में रखा पहचान-पत्र इस्तेमाल करें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="210"/>
        <source>On file: %1</source>
        <translation>फ़ाइल में: %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="131"/>
        <source>Use the ID on file</source>
        <translation>फ़ाइल का पहचान-पत्र लें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="38"/>
        <source>— choose —</source>
        <translation>— चुनें —</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="40"/>
        <source>Passport</source>
        <translation>पासपोर्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="40"/>
        <source>Aadhaar</source>
        <translation>आधार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="41"/>
        <source>PAN card</source>
        <translation>पैन कार्ड</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="41"/>
        <source>Driving licence</source>
        <translation>ड्राइविंग लाइसेंस</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="42"/>
        <source>Voter ID</source>
        <translation>मतदाता पहचान पत्र</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="42"/>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="67"/>
        <source>%1 — player %2</source>
        <translation>%1 — खिलाड़ी %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="68"/>
        <source>&lt;b&gt;%1&lt;/b&gt; for player &lt;b&gt;%2&lt;/b&gt; %3</source>
        <translation>खिलाड़ी &lt;b&gt;%2&lt;/b&gt; %3 के लिए &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="73"/>
        <source>%1 amount</source>
        <translation>%1 राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="89"/>
        <source>Second staff member</source>
        <translation>दूसरा कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="90"/>
        <source>Approver</source>
        <translation>स्वीकृतकर्ता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="92"/>
        <source>Approver staff id</source>
        <translation>स्वीकृतकर्ता की कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="95"/>
        <source>Approver PIN</source>
        <translation>स्वीकृतकर्ता का पिन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="104"/>
        <source>Staff &amp;id</source>
        <translation>कर्मचारी आईडी (&amp;I)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="105"/>
        <source>&amp;PIN</source>
        <translation>पिन (&amp;P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="106"/>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="107"/>
        <source>Player identification</source>
        <translation>खिलाड़ी की पहचान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="112"/>
        <source>Identification type</source>
        <translation>पहचान का प्रकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="114"/>
        <source>Identification number</source>
        <translation>पहचान संख्या</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="124"/>
        <source>&amp;Type</source>
        <translation>प्रकार (&amp;T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="125"/>
        <source>&amp;Number</source>
        <translation>संख्या (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="138"/>
        <source>Refusal</source>
        <translation>इनकार</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="143"/>
        <source>Cancel (Esc)</source>
        <translation>रद्द करें (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="182"/>
        <source>none approved</source>
        <translation>कोई स्वीकृत नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="183"/>
        <source>Markers outstanding %1 · credit line %2 · credit available %3</source>
        <translation>बकाया मार्कर %1 · क्रेडिट सीमा %2 · उपलब्ध क्रेडिट %3</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="186"/>
        <source>Cash on account %1</source>
        <translation>खाते में नकद %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="266"/>
        <source>Enter an amount.</source>
        <translation>राशि दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="284"/>
        <source>%1 of %2.</source>
        <translation>%2 की %1।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="301"/>
        <source>A second staff member must enter their id and PIN.</source>
        <translation>दूसरे कर्मचारी को अपनी आईडी और पिन दर्ज करना होगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="305"/>
        <source>Choose the type of the player&apos;s identification document.</source>
        <translation>खिलाड़ी के पहचान दस्तावेज़ का प्रकार चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="309"/>
        <source>Enter the number of the player&apos;s identification document.</source>
        <translation>खिलाड़ी के पहचान दस्तावेज़ की संख्या दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="317"/>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/action_dialog.py" line="348"/>
        <source>Posting…</source>
        <translation>दर्ज हो रहा है…</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="62"/>
        <source>Cashier cage</source>
        <translation>कैशियर केज</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="66"/>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="250"/>
        <source>Cage receipt</source>
        <translation>केज रसीद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="68"/>
        <source>OFFLINE — PENDING</source>
        <translation>ऑफ़लाइन — लंबित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="70"/>
        <source>REPRINT</source>
        <translation>पुनर्मुद्रण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="71"/>
        <source>Reprinted</source>
        <translation>पुनर्मुद्रित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="74"/>
        <source>Receipt no.</source>
        <translation>रसीद सं.</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="75"/>
        <source>Posting id</source>
        <translation>पोस्टिंग आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="76"/>
        <source>Date</source>
        <translation>दिनांक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="77"/>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="78"/>
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="79"/>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="82"/>
        <source>Approved by</source>
        <translation>स्वीकृतकर्ता</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="85"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="86"/>
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="87"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="90"/>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="93"/>
        <source>Cash on account after</source>
        <translation>बाद में खाते में नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="91"/>
        <source>pending — not yet posted</source>
        <translation>लंबित — अभी दर्ज नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="95"/>
        <source>Markers outstanding after</source>
        <translation>बाद में बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="98"/>
        <source>Reason</source>
        <translation>कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="102"/>
        <source>Taken while the ledger was unreachable; it will be posted when it is back. This receipt has no ledger code until then.</source>
        <translation>लेजर से संपर्क न होने पर लिया गया; संपर्क लौटने पर दर्ज होगा। तब तक इस रसीद का कोई लेजर कोड नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="105"/>
        <source>Player&apos;s signature</source>
        <translation>खिलाड़ी के हस्ताक्षर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="106"/>
        <source>Cashier&apos;s signature</source>
        <translation>कैशियर के हस्ताक्षर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="110"/>
        <source>Scan the code to check this receipt against the ledger (cashier-desktop verify-receipt).</source>
        <translation>लेजर से इस रसीद की जाँच के लिए कोड स्कैन करें (cashier-desktop verify-receipt)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="120"/>
        <source>Notes taken in</source>
        <translation>लिए गए नोट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="121"/>
        <source>Notes paid out</source>
        <translation>भुगतान किए नोट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_layout.py" line="128"/>
        <source>Notes total</source>
        <translation>नोटों का जोड़</translation>
    </message>
</context>
<context>
    <name>ReceiptCheck</name>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="29"/>
        <source>Receipt code</source>
        <translation>रसीद कोड</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="30"/>
        <source>Scan or paste a receipt&apos;s QR code (CDR1:…) and press Enter</source>
        <translation>रसीद का QR कोड (CDR1:…) स्कैन या पेस्ट करें और Enter दबाएँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="31"/>
        <source>Verif&amp;y receipt</source>
        <translation>रसीद जाँचें (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="35"/>
        <source>Receipt check result</source>
        <translation>रसीद जाँच का परिणाम</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="56"/>
        <source>Checking the receipt against the ledger…</source>
        <translation>लेजर से रसीद की जाँच हो रही है…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="63"/>
        <source>Genuine: the ledger holds exactly this posting — %1 of %2 for player %3, %4.</source>
        <translation>असली: लेजर में ठीक यही पोस्टिंग है — खिलाड़ी %3 के लिए %2 की %1, %4।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="67"/>
        <source>NOT GENUINE: the ledger holds no posting %1.</source>
        <translation>असली नहीं: लेजर में पोस्टिंग %1 नहीं है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="69"/>
        <source>NOT GENUINE: the ledger&apos;s posting %1 differs from this receipt (its hash changed).</source>
        <translation>असली नहीं: लेजर की पोस्टिंग %1 इस रसीद से अलग है (उसका हैश बदल गया)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_check.py" line="72"/>
        <source>ALTERED: the ledger&apos;s posting %1 was changed after it was posted; call the integrity officer.</source>
        <translation>बदली गई: लेजर की पोस्टिंग %1 दर्ज होने के बाद बदली गई; इंटीग्रिटी अधिकारी को बुलाएँ।</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="106"/>
        <source>REPRINT — </source>
        <translation>पुनर्मुद्रण — </translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt.py" line="107"/>
        <source>Receipt %1</source>
        <translation>रसीद %1</translation>
    </message>
</context>
<context>
    <name>ReceiptShell</name>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_shell.py" line="43"/>
        <source>Receipt</source>
        <translation>रसीद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_shell.py" line="50"/>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>छापें… (&amp;P) (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_shell.py" line="51"/>
        <source>Save as P&amp;DF… (Ctrl+S)</source>
        <translation>PDF के रूप में सहेजें… (&amp;D) (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_shell.py" line="52"/>
        <source>&amp;Close (Esc)</source>
        <translation>बंद करें (&amp;C) (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_shell.py" line="101"/>
        <source>Save receipt as PDF</source>
        <translation>रसीद को PDF के रूप में सहेजें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/receipt_shell.py" line="102"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF फ़ाइलें (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RecentTable</name>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="48"/>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="48"/>
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="49"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="49"/>
        <source>Cash after</source>
        <translation>बाद में नकद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="50"/>
        <source>Markers after</source>
        <translation>बाद में बकाया मार्कर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="50"/>
        <source>Staff</source>
        <translation>कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="51"/>
        <source>Posting id</source>
        <translation>पोस्टिंग आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="56"/>
        <source>Recent transactions</source>
        <translation>हाल के लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="75"/>
        <source>(REFUSED on replay — call a supervisor)</source>
        <translation>(दोबारा भेजने पर अस्वीकृत — सुपरवाइज़र को बुलाएँ)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/cashier_tab.py" line="76"/>
        <source>(pending)</source>
        <translation>(लंबित)</translation>
    </message>
</context>
<context>
    <name>ReplicationFigure</name>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="31"/>
        <source>Ledger servers</source>
        <translation>लेजर सर्वर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="50"/>
        <source>%1, a read-only standby: postings cannot be taken</source>
        <translation>%1, केवल पढ़ने वाला स्टैंडबाय: पोस्टिंग नहीं ली जा सकती</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="51"/>
        <source>%1, primary</source>
        <translation>%1, प्राथमिक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="54"/>
        <source>the demo ledger on this PC, without a standby (demo mode)</source>
        <translation>इस पीसी पर डेमो लेजर, बिना स्टैंडबाय के (डेमो मोड)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="56"/>
        <source>NO STANDBY: postings are on this server only</source>
        <translation>कोई स्टैंडबाय नहीं: पोस्टिंग केवल इसी सर्वर पर हैं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="61"/>
        <source>standby %1 not streaming (%2)</source>
        <translation>स्टैंडबाय %1 स्ट्रीम नहीं कर रहा (%2)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="67"/>
        <source>standby %1 synchronous, lag %2</source>
        <translation>स्टैंडबाय %1 समकालिक, पिछड़ %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="68"/>
        <source>standby %1 NOT synchronous, lag %2</source>
        <translation>स्टैंडबाय %1 समकालिक नहीं, पिछड़ %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="71"/>
        <source>standby %1 LAG OVER THE ALERT THRESHOLD</source>
        <translation>स्टैंडबाय %1 का पिछड़ चेतावनी सीमा से अधिक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="77"/>
        <source>unknown (the login needs pg_read_all_stats)</source>
        <translation>अज्ञात (लॉगिन को pg_read_all_stats चाहिए)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="79"/>
        <source>%1 bytes</source>
        <translation>%1 बाइट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/replication_figure.py" line="80"/>
        <source>%1 bytes, %2 ms</source>
        <translation>%1 बाइट, %2 मि.से.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <location filename="../../cashier_desktop/ui/display.py" line="75"/>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/display.py" line="76"/>
        <source>Floor manager</source>
        <translation>फ़्लोर मैनेजर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/display.py" line="77"/>
        <source>Supervisor</source>
        <translation>सुपरवाइज़र</translation>
    </message>
</context>
<context>
    <name>ShiftReport</name>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="17"/>
        <source>open</source>
        <translation>खुली</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="17"/>
        <source>closed</source>
        <translation>बंद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="18"/>
        <source>signed off</source>
        <translation>हस्ताक्षरित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="35"/>
        <source>%1 by %2</source>
        <translation>%1, %2 द्वारा</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="36"/>
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="37"/>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="38"/>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="39"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="40"/>
        <source>Opened</source>
        <translation>खुली</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="41"/>
        <source>Opening float</source>
        <translation>आरंभिक नकदी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="43"/>
        <source>Figures</source>
        <translation>आँकड़े</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="44"/>
        <source>shown after the closing count (blind count)</source>
        <translation>समापन गिनती के बाद दिखेंगे (ब्लाइंड गिनती)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="46"/>
        <source>Closed</source>
        <translation>बंद की गई</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="47"/>
        <source>Cash in</source>
        <translation>नकद आया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="48"/>
        <source>Cash out</source>
        <translation>नकद गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="49"/>
        <source>Expected</source>
        <translation>अपेक्षित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="50"/>
        <source>Counted</source>
        <translation>गिना गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="51"/>
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="53"/>
        <source>Count</source>
        <translation>गिनती</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="55"/>
        <source>Signed off</source>
        <translation>हस्ताक्षर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="59"/>
        <source>NOT YET — required (variance at or over the threshold)</source>
        <translation>अभी नहीं — आवश्यक (अंतर सीमा पर या उससे अधिक)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="62"/>
        <source>not yet</source>
        <translation>अभी नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="72"/>
        <source>%1 handed in</source>
        <translation>%1 दराज़ के साथ मिले</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="74"/>
        <source>%1 counted</source>
        <translation>%1 गिना गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="75"/>
        <source>%1, expected %2, variance %3</source>
        <translation>%1, अपेक्षित %2, अंतर %3</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="104"/>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="104"/>
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="105"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="105"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="106"/>
        <source>Drawer</source>
        <translation>दराज़</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="106"/>
        <source>Staff</source>
        <translation>कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="107"/>
        <source>Posting id</source>
        <translation>पोस्टिंग आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="108"/>
        <source>Shift report #%1</source>
        <translation>शिफ़्ट रिपोर्ट #%1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_export.py" line="109"/>
        <source>Transactions (%1)</source>
        <translation>लेन-देन (%1)</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="46"/>
        <source>%1 per hour, last hours</source>
        <translation>%1 प्रति घंटा, पिछले घंटे</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/monitor_view.py" line="51"/>
        <source>%1: last hour %2, peak %3</source>
        <translation>%1: पिछला घंटा %2, अधिकतम %3</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="67"/>
        <source>no event yet</source>
        <translation>अभी कोई घटना नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="70"/>
        <source>last event %1 s ago</source>
        <translation>अंतिम घटना %1 सेकंड पहले</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="72"/>
        <source>last event %1 min ago</source>
        <translation>अंतिम घटना %1 मिनट पहले</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="73"/>
        <source>last event %1 h ago</source>
        <translation>अंतिम घटना %1 घंटे पहले</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="83"/>
        <source>Ledger connection</source>
        <translation>लेजर कनेक्शन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="86"/>
        <source>Live feed</source>
        <translation>लाइव फ़ीड</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="87"/>
        <source>Pending journal entries</source>
        <translation>लंबित जर्नल प्रविष्टियाँ</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="88"/>
        <source>Staff at the counter</source>
        <translation>काउंटर पर कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="89"/>
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="90"/>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="92"/>
        <source>no shift</source>
        <translation>कोई शिफ़्ट नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="116"/>
        <source>Ledger: ONLINE</source>
        <translation>लेजर: ऑनलाइन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="116"/>
        <source>Ledger: OFFLINE</source>
        <translation>लेजर: ऑफ़लाइन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="118"/>
        <source>Live</source>
        <translation>लाइव</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="118"/>
        <source>NOT LIVE, connecting</source>
        <translation>लाइव नहीं, जुड़ रहा है</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="119"/>
        <source>NOT LIVE, reconnecting</source>
        <translation>लाइव नहीं, फिर से जुड़ रहा है</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="119"/>
        <source>NOT LIVE</source>
        <translation>लाइव नहीं</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="120"/>
        <source>Feed: %1, %2</source>
        <translation>फ़ीड: %1, %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="124"/>
        <source>Pending: %1</source>
        <translation>लंबित: %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="126"/>
        <source>%1 · ✖ Refused: %2</source>
        <translation>%1 · ✖ अस्वीकृत: %2</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="129"/>
        <source>Postings taken offline that the ledger refused on replay: their cash is in the drawer, not on the player&apos;s account. Call a supervisor.</source>
        <translation>ऑफ़लाइन ली गई पोस्टिंग जिन्हें लेजर ने दोबारा भेजने पर अस्वीकार किया: उनकी नकदी दराज़ में है, खिलाड़ी के खाते में नहीं। सुपरवाइज़र को बुलाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="132"/>
        <source>Staff: %1</source>
        <translation>कर्मचारी: %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="133"/>
        <source>Shift: %1</source>
        <translation>शिफ़्ट: %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/status.py" line="134"/>
        <source>Terminal: %1</source>
        <translation>टर्मिनल: %1</translation>
    </message>
</context>
<context>
    <name>SupervisorTab</name>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="46"/>
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="46"/>
        <source>Terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="47"/>
        <source>Cashier</source>
        <translation>कैशियर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="47"/>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="48"/>
        <source>Opened</source>
        <translation>खुली</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="48"/>
        <source>Counted</source>
        <translation>गिना गया</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="49"/>
        <source>Variance</source>
        <translation>अंतर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="49"/>
        <source>Sign-off</source>
        <translation>हस्ताक्षर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="50"/>
        <source>Time</source>
        <translation>समय</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="50"/>
        <source>Transaction</source>
        <translation>लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="51"/>
        <source>Player</source>
        <translation>खिलाड़ी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="51"/>
        <source>Amount</source>
        <translation>राशि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="52"/>
        <source>Drawer</source>
        <translation>दराज़</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="52"/>
        <source>Staff</source>
        <translation>कर्मचारी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="53"/>
        <source>Posting id</source>
        <translation>पोस्टिंग आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="63"/>
        <source>&amp;Date</source>
        <translation>तिथि (&amp;D)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="67"/>
        <source>Shift date</source>
        <translation>शिफ़्ट की तिथि</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="69"/>
        <source>Terminal filter</source>
        <translation>टर्मिनल फ़िल्टर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="70"/>
        <source>terminal</source>
        <translation>टर्मिनल</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="72"/>
        <source>Cashier filter</source>
        <translation>कैशियर फ़िल्टर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="73"/>
        <source>cashier staff id</source>
        <translation>कैशियर की कर्मचारी आईडी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="75"/>
        <source>any status</source>
        <translation>कोई भी स्थिति</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="75"/>
        <source>open</source>
        <translation>खुली</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="75"/>
        <source>closed</source>
        <translation>बंद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="76"/>
        <source>signed off</source>
        <translation>हस्ताक्षरित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="78"/>
        <source>Status filter</source>
        <translation>स्थिति फ़िल्टर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="79"/>
        <source>&amp;Find shifts (Ctrl+F)</source>
        <translation>शिफ़्ट खोजें (&amp;F) (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="84"/>
        <source>Shifts found</source>
        <translation>मिली शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="89"/>
        <source>Shifts</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="94"/>
        <source>Shift figures</source>
        <translation>शिफ़्ट के आँकड़े</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="102"/>
        <source>Variance of the selected shift</source>
        <translation>चुनी हुई शिफ़्ट का अंतर</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="104"/>
        <source>Shift transactions</source>
        <translation>शिफ़्ट के लेन-देन</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="106"/>
        <source>Reason for the reversal</source>
        <translation>उलटाव का कारण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="108"/>
        <source>&amp;Reverse selected (Ctrl+Shift+R)</source>
        <translation>चुनी हुई उलटें (&amp;R) (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="111"/>
        <source>Sign-off note</source>
        <translation>हस्ताक्षर टिप्पणी</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="112"/>
        <source>Sign-off note (required when the variance is large)</source>
        <translation>हस्ताक्षर टिप्पणी (अंतर बड़ा होने पर आवश्यक)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="113"/>
        <source>Si&amp;gn off shift (Ctrl+Shift+S)</source>
        <translation>शिफ़्ट पर हस्ताक्षर (&amp;G) (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="115"/>
        <source>Export CS&amp;V (Ctrl+E)</source>
        <translation>CSV निर्यात (&amp;V) (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="117"/>
        <source>E&amp;xport PDF (Ctrl+Shift+P)</source>
        <translation>PDF निर्यात (&amp;X) (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="119"/>
        <source>Run &amp;integrity check (Ctrl+I)</source>
        <translation>इंटीग्रिटी जाँच चलाएँ (&amp;I) (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="121"/>
        <source>Cage t&amp;otals (Ctrl+Shift+T)</source>
        <translation>केज का कुल (&amp;O) (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="122"/>
        <source>Cage accountability</source>
        <translation>केज की कुल जवाबदेही</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="127"/>
        <source>Message</source>
        <translation>संदेश</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="134"/>
        <source>Re&amp;ason</source>
        <translation>कारण (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="139"/>
        <source>&amp;Note</source>
        <translation>टिप्पणी (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="211"/>
        <source>signed</source>
        <translation>हस्ताक्षरित</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="211"/>
        <source>REQUIRED</source>
        <translation>आवश्यक</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="216"/>
        <source>%1 shifts</source>
        <translation>%1 शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="216"/>
        <source>%1 shift</source>
        <translation>%1 शिफ़्ट</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="246"/>
        <source>Reconciliation</source>
        <translation>मिलान</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="277"/>
        <source>Variance %1</source>
        <translation>अंतर %1</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="302"/>
        <source>Select the transaction to reverse.</source>
        <translation>उलटने के लिए लेन-देन चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="306"/>
        <source>Give the reason for the reversal first.</source>
        <translation>पहले उलटाव का कारण दें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="323"/>
        <source>Reversed: posting %1 undone by %2 (%3).</source>
        <translation>उलटा गया: पोस्टिंग %1 को %2 ने पलटा (%3)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="331"/>
        <source>Select a closed shift to sign off.</source>
        <translation>हस्ताक्षर के लिए एक बंद शिफ़्ट चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="340"/>
        <source>Shift #%1 signed off.</source>
        <translation>शिफ़्ट #%1 पर हस्ताक्षर हुए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="346"/>
        <source>Select a shift first.</source>
        <translation>पहले एक शिफ़्ट चुनें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="355"/>
        <source>Export shift #%1 as %2</source>
        <translation>शिफ़्ट #%1 को %2 के रूप में निर्यात करें</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="357"/>
        <source>%1 files (*.%2)</source>
        <translation>%1 फ़ाइलें (*.%2)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="370"/>
        <source>Could not write %1: %2.</source>
        <translation>%1 नहीं लिखा जा सका: %2।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="372"/>
        <source>Shift #%1 exported to %2.</source>
        <translation>शिफ़्ट #%1 को %2 में निर्यात किया गया।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="384"/>
        <source>Checking every balance and every hash chain…</source>
        <translation>हर शेष और हर हैश शृंखला की जाँच हो रही है…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="393"/>
        <source>Integrity check: %1 discrepancies.</source>
        <translation>इंटीग्रिटी जाँच: %1 विसंगतियाँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="394"/>
        <source>Integrity check: %1 discrepancy.</source>
        <translation>इंटीग्रिटी जाँच: %1 विसंगति।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="433"/>
        <source>after the closing count</source>
        <translation>समापन गिनती के बाद</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="436"/>
        <source>checked on terminal %1 (its offline journal is there)</source>
        <translation>टर्मिनल %1 पर जाँचा गया (उसका ऑफ़लाइन जर्नल वहीं है)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="440"/>
        <source>clean (%1 matched)</source>
        <translation>साफ़ (%1 मेल खाए)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/supervisor.py" line="441"/>
        <source>%1 unresolved of %2</source>
        <translation>%2 में से %1 अनसुलझे</translation>
    </message>
</context>
<context>
    <name>_CountDialog</name>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="131"/>
        <source>Problem</source>
        <translation>समस्या</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="136"/>
        <source>Cancel (Esc)</source>
        <translation>रद्द करें (Esc)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="173"/>
        <source>The foreign cash lines are still loading: count the foreign cash in them too, then press Enter.</source>
        <translation>विदेशी नकदी की पंक्तियाँ अभी लोड हो रही हैं: उनमें विदेशी नकदी भी गिनें, फिर Enter दबाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/shift_dialogs.py" line="177"/>
        <source>The ledger&apos;s list of foreign currencies did not load (%1); nothing was done. Loading it again: count the foreign cash when its lines show, then press Enter.</source>
        <translation>लेजर से विदेशी मुद्राओं की सूची लोड नहीं हुई (%1); कुछ नहीं किया गया। सूची फिर से लोड हो रही है: पंक्तियाँ दिखने पर विदेशी नकदी गिनें, फिर Enter दबाएँ।</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="10"/>
        <source>Cashier cage</source>
        <translation>कैशियर केज</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="12"/>
        <source>The ledger cannot be reached. The terminal is offline: only what the offline policy allows is taken, and it is sent when the ledger is back.</source>
        <translation>लेजर से संपर्क नहीं हो रहा। टर्मिनल ऑफ़लाइन है: केवल वही लिया जाता है जिसकी ऑफ़लाइन नीति अनुमति देती है, और संपर्क लौटने पर भेजा जाता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="14"/>
        <source>Something went wrong on this terminal and nothing was changed by it. Try again; if it happens again, call a supervisor.</source>
        <translation>इस टर्मिनल पर कुछ गड़बड़ हुई और उससे कुछ नहीं बदला। फिर से प्रयास करें; दोबारा हो तो सुपरवाइज़र को बुलाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="16"/>
        <source>OFFLINE — the ledger cannot be reached. Deposits within the offline cap are kept on this terminal and sent when it is back. No credit, no reversals.</source>
        <translation>ऑफ़लाइन — लेजर से संपर्क नहीं हो रहा। ऑफ़लाइन सीमा के भीतर जमा इस टर्मिनल पर रखे जाते हैं और संपर्क लौटने पर भेजे जाते हैं। कोई क्रेडिट नहीं, कोई उलटाव नहीं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="18"/>
        <source>Not live: balances on screen may be out of date.</source>
        <translation>लाइव नहीं: स्क्रीन पर शेष पुराने हो सकते हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="19"/>
        <source>Enter your staff id and PIN, then press Enter.</source>
        <translation>अपनी कर्मचारी आईडी और पिन दर्ज करें, फिर Enter दबाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="20"/>
        <source>Locked until {until}. A supervisor can reset the PIN sooner.</source>
        <translation>{until} तक लॉक। सुपरवाइज़र पिन पहले रीसेट कर सकता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="21"/>
        <source>No shift is open on this terminal. Count the opening float to open one (Ctrl+O).</source>
        <translation>इस टर्मिनल पर कोई शिफ़्ट खुली नहीं है। शिफ़्ट खोलने के लिए आरंभिक नकदी गिनें (Ctrl+O)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="22"/>
        <source>Shift #{id} on this terminal is {owner}&apos;s drawer, so you cannot post into it: {owner} logs in and hands it over to you (Ctrl+Shift+H).</source>
        <translation>इस टर्मिनल पर शिफ़्ट #{id}, {owner} की दराज़ है, इसलिए आप इसमें पोस्ट नहीं कर सकते: {owner} लॉग इन करके इसे आपको सौंपें (Ctrl+Shift+H)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="24"/>
        <source>Shift #{id} is open with a float of {float}. Postings go to this shift.</source>
        <translation>शिफ़्ट #{id} {float} की आरंभिक नकदी के साथ खुली है। पोस्टिंग इसी शिफ़्ट में जाएँगी।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="25"/>
        <source>Close shift #{id} with {counted} counted? Press Enter again to close it, Esc to go back. A closed shift cannot take postings.</source>
        <translation>शिफ़्ट #{id} को {counted} की गिनती के साथ बंद करें? बंद करने के लिए फिर से Enter दबाएँ, वापस जाने के लिए Esc। बंद शिफ़्ट में पोस्टिंग नहीं हो सकती।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="27"/>
        <source>Count the drawer by denomination. The expected figure is not shown: the system compares after you submit.</source>
        <translation>दराज़ को मूल्यवर्ग के अनुसार गिनें। अपेक्षित आँकड़ा नहीं दिखाया जाता: जमा करने के बाद सिस्टम तुलना करता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="29"/>
        <source>Count the opening float by denomination. The total updates as you type.</source>
        <translation>आरंभिक नकदी को मूल्यवर्ग के अनुसार गिनें। टाइप करते ही कुल अपडेट होता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="30"/>
        <source>This is a large amount. Check it with the player and press Enter to confirm, Esc to go back.</source>
        <translation>यह बड़ी राशि है। खिलाड़ी के साथ जाँचें और पुष्टि के लिए Enter दबाएँ, वापस जाने के लिए Esc।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="31"/>
        <source>This needs a second staff member (floor manager or supervisor). They enter their own staff id and PIN here.</source>
        <translation>इसके लिए दूसरे कर्मचारी (फ़्लोर मैनेजर या सुपरवाइज़र) की ज़रूरत है। वे यहाँ अपनी कर्मचारी आईडी और पिन दर्ज करते हैं।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="33"/>
        <source>The player&apos;s cash today would go over the reporting threshold. Record the identification document before posting.</source>
        <translation>आज खिलाड़ी का नकद लेन-देन रिपोर्टिंग सीमा से ऊपर जाएगा। दर्ज करने से पहले पहचान दस्तावेज़ दर्ज करें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="35"/>
        <source>OFFLINE — PENDING: taken while the ledger was unreachable; it will be posted when it is back.</source>
        <translation>ऑफ़लाइन — लंबित: लेजर से संपर्क न होने पर लिया गया; संपर्क लौटने पर दर्ज होगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="36"/>
        <source>The ledger refused the {kind} of {amount} for player {player} taken offline (posting {id}). The cash is in the drawer, not on the player&apos;s account: call a supervisor.</source>
        <translation>लेजर ने खिलाड़ी {player} का ऑफ़लाइन लिया गया {amount} का {kind} अस्वीकार कर दिया (पोस्टिंग {id})। नकदी दराज़ में है, खिलाड़ी के खाते में नहीं: सुपरवाइज़र को बुलाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="39"/>
        <source>{count} posting(s) taken offline in this shift were refused on replay: the drawer holds {amount} that is on no player&apos;s account. Call a supervisor before closing.</source>
        <translation>इस शिफ़्ट में ऑफ़लाइन ली गई {count} पोस्टिंग दोबारा भेजने पर अस्वीकृत हुईं: दराज़ में {amount} है जो किसी खिलाड़ी के खाते में नहीं है। बंद करने से पहले सुपरवाइज़र को बुलाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="42"/>
        <source>REPRINT</source>
        <translation>पुनर्मुद्रण</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="43"/>
        <source>Waiting for work in progress to finish before closing…</source>
        <translation>बंद करने से पहले चल रहे काम के पूरा होने की प्रतीक्षा…</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="44"/>
        <source>Player id, name or card number (F2)</source>
        <translation>खिलाड़ी आईडी, नाम या कार्ड संख्या (F2)</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="45"/>
        <source>⚠ Integrity alert {id} is open on this balance: the figures may not be what the ledger says. Call a supervisor before paying out.</source>
        <translation>⚠ इस शेष पर इंटीग्रिटी चेतावनी {id} खुली है: आँकड़े लेजर से अलग हो सकते हैं। भुगतान से पहले सुपरवाइज़र को बुलाएँ।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="47"/>
        <source>{what} is not possible for this player now (no credit line with room, no marker to redeem, or the ledger is offline).</source>
        <translation>{what} इस खिलाड़ी के लिए अभी संभव नहीं (सीमा में जगह नहीं, भुगतान के लिए कोई मार्कर नहीं, या लेजर ऑफ़लाइन है)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="49"/>
        <source>Find a player first (F2).</source>
        <translation>पहले खिलाड़ी खोजें (F2)।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="50"/>
        <source>Integrity check: clean. Every balance agrees with the ledger and every chain verifies.</source>
        <translation>इंटीग्रिटी जाँच: साफ़। हर शेष लेजर से मेल खाता है और हर शृंखला सत्यापित है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="51"/>
        <source>A reversal posts the exact opposite of the selected posting. Give the reason.</source>
        <translation>उलटाव चुनी हुई पोस्टिंग का ठीक उल्टा दर्ज करता है। कारण दें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="52"/>
        <source>Sign-off records that you reviewed this shift&apos;s count and variance. Add a note.</source>
        <translation>हस्ताक्षर दर्ज करता है कि आपने इस शिफ़्ट की गिनती और अंतर की समीक्षा की। टिप्पणी जोड़ें।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="53"/>
        <source>Ask for a credit line for this player. A floor manager approves or denies it.</source>
        <translation>इस खिलाड़ी के लिए क्रेडिट सीमा माँगें। फ़्लोर मैनेजर उसे स्वीकृत या अस्वीकार करता है।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="54"/>
        <source>Give the reason for the denial; the cashier and the audit log will see it.</source>
        <translation>अस्वीकृति का कारण दें; कैशियर और ऑडिट लॉग उसे देखेंगे।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="55"/>
        <source>Outgoing cashier: count the drawer you hand over by denomination, then press Enter. The next cashier counts it again without seeing your count.</source>
        <translation>जाने वाले कैशियर: जो दराज़ आप सौंप रहे हैं उसे मूल्यवर्ग के अनुसार गिनें, फिर Enter दबाएँ। अगला कैशियर आपकी गिनती देखे बिना उसे फिर गिनेगा।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="57"/>
        <source>Incoming cashier: count the same drawer by denomination, then enter your staff id and PIN. The two counts must agree.</source>
        <translation>आने वाले कैशियर: उसी दराज़ को मूल्यवर्ग के अनुसार गिनें, फिर अपनी कर्मचारी आईडी और पिन दर्ज करें। दोनों गिनतियाँ मेल खानी चाहिए।</translation>
    </message>
    <message>
        <location filename="../../cashier_desktop/ui/messages.py" line="59"/>
        <source>Shift #{old} handed over; shift #{new} is open for {staff}. {staff}, log in.</source>
        <translation>शिफ़्ट #{old} सौंप दी गई; शिफ़्ट #{new} {staff} के लिए खुली है। {staff}, लॉग इन करें।</translation>
    </message>
</context>
</TS>
